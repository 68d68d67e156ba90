import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitTextBlocks } from '../../../shared/import/text.js';
import { QA_CHECKS, type GlossaryEntry, type QaSegment } from '../../../shared/qa/index.js';
import { flagged, qa } from './helpers.js';

const blocks = (name: string) => splitTextBlocks(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8'));
const source = blocks('qa-article.en.txt');
const target = blocks('qa-article.bn.txt');
// The Bengali draft lacks the last paragraph: its segment is empty.
const article: QaSegment[] = source.map((text, index) => ({ id: `s${index}`, index, source: text, target: target[index] ?? '' }));
const glossary: GlossaryEntry[] = [
  { source: 'library', target: 'গ্রন্থাগার', forbidden: ['লাইব্রেরি'] },
  { source: 'Ahmed', target: 'আহমেদ' },
  { source: 'WIRED', target: 'WIRED' },
];
const summary = (segs: QaSegment[]) =>
  qa(segs, { glossary }).map((i) => [i.index, i.check, i.severity, flagged(i, segs.find((s) => s.id === i.segmentId)!.target) ?? null]);

describe('QA runQa', () => {
  it('SPEC 14.1 names the checks of the API', () => {
    expect(QA_CHECKS).toEqual(['numbers', 'glossary', 'names', 'untranslated', 'punctuation', 'duplicate', 'empty', 'unsourced', 'whitespace']);
  });

  it('SPEC 14.1 finds the flaws of a bilingual article, sorted by segment then offset, and nothing else', () => {
    expect(source).toHaveLength(9);
    expect(summary(article)).toEqual([
      [2, 'glossary', 'warning', 'আহমদ'],
      [2, 'numbers', 'error', '২,০০০'],
      [3, 'punctuation', 'warning', '।।'],
      [4, 'whitespace', 'info', '  '],
      [4, 'punctuation', 'warning', 'ন'],
      [5, 'untranslated', 'warning', 'Subscribe to our newsletter'],
      [6, 'glossary', 'error', 'লাইব্রেরির'],
      [7, 'duplicate', 'warning', 'ঢাকার গ্রন্থাগারগুলো ১০,০০০ দুর্লভ বই অনলাইনে তুলল'],
      [8, 'empty', 'error', null],
    ]);
  });

  it('SPEC 14.1 checks a target-only draft with what needs no source', () => {
    const draft = article.map((s) => ({ ...s, source: null }));
    expect(summary(draft)).toEqual([
      [2, 'glossary', 'warning', 'আহমদ'],
      [3, 'punctuation', 'warning', '।।'],
      [4, 'whitespace', 'info', '  '],
      [5, 'untranslated', 'warning', 'Subscribe to our newsletter'],
      [6, 'glossary', 'error', 'লাইব্রেরির'],
      [7, 'duplicate', 'warning', 'ঢাকার গ্রন্থাগারগুলো ১০,০০০ দুর্লভ বই অনলাইনে তুলল'],
    ]);
  });

  it('SPEC 14.1 does not depend on the order of the segments it is given', () => {
    expect(summary([...article].reverse())).toEqual(summary(article));
  });

  it('SPEC 14.1 widens every range to whole graphemes', () => {
    // The second space and the stray vowel sign after it form one grapheme.
    const target = 'কথা  \u09BFবলা';
    const [issue] = qa([{ id: 'x', index: 0, source: null, target }]);
    expect([issue.check, issue.start, issue.end]).toEqual(['whitespace', 3, 6]);
  });

  it('SPEC 14.1 returns plain issues naming the segment', () => {
    const [issue] = qa(article, { glossary });
    expect(issue).toEqual({
      segmentId: 's2',
      index: 2,
      check: 'glossary',
      severity: 'warning',
      message: '“আহমদ” looks like a misspelling of “আহমেদ”',
      start: expect.any(Number),
      end: expect.any(Number),
    });
    expect(JSON.parse(JSON.stringify(issue))).toEqual(issue);
  });
});
