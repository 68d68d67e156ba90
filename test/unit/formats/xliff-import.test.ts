import { describe, expect, it } from 'vitest';
import { exportArticle } from '../../../shared/export/index.js';
import { parseDocument } from '../../../shared/import/document.js';
import { parseXliffImport } from '../../../shared/import/xliff.js';
import { readXliff } from '../../../shared/import/xliff-reader.js';
import { seedArticle } from '../../../shared/seed.js';
import { fixture, review, seed, segmentsOf } from './seed.js';

const xliff2 = (units: string, root = 'version="2.0" srcLang="en" trgLang="bn"') =>
  `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" ${root}><file id="f">${units}</file></xliff>`;

describe('xliff import', () => {
  it('SPEC 12.5 XLIFF 2.0: each unit is one segment, its segments and ignorables concatenated, inline markup read as text', () => {
    const parsed = parseXliffImport(fixture('article-2.0.xlf'));
    expect(parsed).toMatchObject({ sourceLang: 'en', targetLang: 'bn', headline: 'ঢাকার গ্রন্থাগারগুলো ১০,০০০ দুর্লভ বই অনলাইনে তুলল' });
    expect(parsed.segments.map((s) => s.source)).toEqual([
      'Dhaka’s libraries put 10,000 rare books online',
      'The city’s public libraries scanned 10,000 books & maps.',
      'Not translated yet.',
    ]);
    expect(segmentsOf(seedArticle(parsed)).map((s) => s.text)).toEqual([
      'ঢাকার গ্রন্থাগারগুলো ১০,০০০ দুর্লভ বই অনলাইনে তুলল',
      'শহরের সরকারি গ্রন্থাগারগুলো ১০,০০০ বই & মানচিত্র স্ক্যান করেছে।',
      '',
    ]);
  });

  it('SPEC 12.6 XLIFF 2.0 states become statuses; a unit takes its least advanced segment', () => {
    expect(parseXliffImport(fixture('article-2.0.xlf')).segments.map((s) => s.state)).toEqual(['approved', 'translated', 'draft']);
    const units = ['initial', 'translated', 'reviewed', 'final', 'bogus']
      .map((state, i) => `<unit id="u${i}"><segment state="${state}"><source>s</source><target>t</target></segment></unit>`)
      .join('');
    expect(parseXliffImport(xliff2(units)).segments.map((s) => s.state)).toEqual(['draft', 'translated', 'reviewed', 'approved', 'draft']);
  });

  it('SPEC 12.5 SPEC 12.6 XLIFF 1.2: trans-units in groups, languages from the file, states mapped', () => {
    const parsed = parseXliffImport(fixture('article-1.2.xlf'));
    expect(parsed).toMatchObject({ sourceLang: 'en-US', targetLang: 'bn-BD' });
    expect(parsed.segments.map((s) => [s.source, s.state])).toEqual([
      ['Dhaka’s libraries put 10,000 rare books online', 'approved'],
      ['The city’s public libraries', 'reviewed'],
      ['Books & maps <br/>online.', 'approved'],
      ['Needs review.', 'translated'],
      ['Not translated yet.', 'draft'],
    ]);
    expect(segmentsOf(seedArticle(parsed)).map((s) => s.text)).toEqual([
      'ঢাকার গ্রন্থাগারগুলো ১০,০০০ দুর্লভ বই অনলাইনে তুলল',
      'শহরের সরকারি গ্রন্থাগারগুলো',
      'বই & মানচিত্র <br/>অনলাইনে।',
      'পর্যালোচনা দরকার।',
      '',
    ]);
  });

  it('SPEC 12.5 a unit\'s notes with text are read in order, with their author where 1.2 names one', () => {
    expect(parseXliffImport(fixture('article-2.0.xlf')).segments.map((s) => s.notes)).toEqual([
      [],
      [{ text: '“Public” is সরকারি here, not পাবলিক.' }],
      [],
    ]);
    expect(parseXliffImport(fixture('article-1.2.xlf')).segments[3].notes).toEqual([
      { text: 'Check the wording against the print edition.', from: 'Copy desk' },
    ]);
  });

  it('SPEC 12.5 placeholders read as their equiv, <cp/> as its character, a "\\n" in the target as a line break', () => {
    const unit = '<unit id="u1"><segment><source>a<ph id="1" equiv="{0}"/>b<cp hex="0001"/></source><target>one&#10;two<sc id="2"/>&#x41;</target></segment></unit>';
    const [segment] = parseXliffImport(xliff2(unit)).segments;
    expect(segment.source).toBe('a{0}b\u0001');
    expect(JSON.stringify(segment.target)).toContain('"linebreak"');
    expect(segmentsOf(seedArticle(parseXliffImport(xliff2(unit))))[0].text).toBe('one\ntwoA');
  });

  it('SPEC 12.5 a valid, unused unit id is kept as the segment id; others get new ids', () => {
    const units = ['abc123def', 'abc123def', 'Bad Id', 'x'].map((id) => `<unit id="${id}"><segment><source>s</source></segment></unit>`).join('');
    const ids = parseXliffImport(xliff2(units)).segments.map((s) => s.id);
    expect(ids[0]).toBe('abc123def');
    expect(new Set(ids).size).toBe(4);
    for (const id of ids.slice(1)) expect(id).toMatch(/^[a-z0-9]{10}$/);
  });

  it('SPEC 12.7 Tandem\'s XLIFF export imports back to the same ids, sources, text and statuses', () => {
    const { state, ids, sources } = seed('md', '# শিরোনাম & <b>\n\nএকটি **গাঢ়** [লিংক](https://example.org)।\n\n- এক\n- দুই\n\nশেষ', 'Title\n\nA bold link.\n\n- one\n- two\n\nLast');
    const statuses = { [ids[0]]: 'approved', [ids[1]]: 'reviewed', [ids[2]]: 'translated' } as const;
    const exported = exportArticle(state, 'xliff', { title: 'শিরোনাম', sourceLang: 'en', targetLang: 'bn', review: review(sources, statuses) }).body;
    const parsed = parseXliffImport(exported);
    expect(parsed).toMatchObject({ title: 'শিরোনাম', sourceLang: 'en', targetLang: 'bn' });
    expect(parsed.segments.map((s) => [s.id, s.source, s.state])).toEqual(ids.map((id) => [id, sources.get(id), statuses[id] ?? 'draft']));
    expect(segmentsOf(seedArticle(parsed))).toEqual(segmentsOf(state));
    expect(exportArticle(seedArticle(parsed), 'xliff', { title: 'শিরোনাম', sourceLang: 'en', targetLang: 'bn', review: review(sources, statuses) }).body).toBe(exported);
  });

  it('SPEC 12.8 malformed XML, entity declarations, other roots and versions → bad_xliff; no units → empty', () => {
    const code = (content: string) => {
      try {
        parseXliffImport(content);
      } catch (error) {
        return [(error as { code: string }).code, (error as Error).message];
      }
      return null;
    };
    expect(code('<xliff version="2.0"><file>')).toEqual(['bad_xliff', expect.stringMatching(/malformed XML at line 1/)]);
    expect(code('<!DOCTYPE x [<!ENTITY a "aaaa">]><xliff version="2.0"/>')?.[0]).toBe('bad_xliff');
    expect(code('<html><body/></html>')).toEqual(['bad_xliff', 'not an XLIFF file: the root element is <html>']);
    expect(code('<xliff version="3.0"/>')?.[0]).toBe('bad_xliff');
    expect(code(xliff2(''))).toEqual(['empty', 'nothing to import: the XLIFF file has no units']);
    expect(code('  ')?.[0]).toBe('empty');
  });

  it('SPEC 12.5 parseDocument dispatches xliff and keeps text and markdown as they were', async () => {
    const fromXliff = await parseDocument({ format: 'xliff', content: fixture('article-1.2.xlf') });
    expect(fromXliff.segments).toHaveLength(5);
    const fromText = await parseDocument({ format: 'text', target: 'a\n\nb' });
    expect(fromText.segments.map((s) => s.state)).toEqual([undefined, undefined]);
    await expect(parseDocument({ format: 'pdf', target: 'x' })).rejects.toMatchObject({ code: 'bad_format' });
    expect(readXliff(fixture('article-2.0.xlf')).version).toBe('2.0');
  });
});
