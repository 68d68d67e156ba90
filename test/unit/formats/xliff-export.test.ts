import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { exportArticle } from '../../../shared/export/index.js';
import { readXliff } from '../../../shared/import/xliff-reader.js';
import { review, seed, thread } from './seed.js';

describe('xliff export', () => {
  it('SPEC 12.2 XLIFF 2.0: one unit per segment with the segment id, the headline and empty segments included', () => {
    const { state, ids, sources } = seed('text', 'শিরোনাম\n\nপ্রথম\nলাইন', 'Headline\n\nFirst\nline');
    const { body, contentType, extension } = exportArticle(state, 'xliff', {
      title: 'Libraries',
      sourceLang: 'en',
      targetLang: 'bn',
      review: review(sources, { [ids[0]]: 'approved', [ids[1]]: 'reviewed' }),
    });
    expect(contentType).toBe('application/xliff+xml');
    expect(extension).toBe('xlf');
    expect(XMLValidator.validate(body)).toBe(true);
    expect(body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="bn">/);
    expect(body.match(/<unit /g)).toHaveLength(2);
    expect(body).toContain(`<unit id="${ids[0]}">\n      <segment state="final">\n        <source xml:space="preserve">Headline</source>\n        <target xml:space="preserve">শিরোনাম</target>`);
    expect(body).toContain(`<unit id="${ids[1]}">\n      <segment state="reviewed">`);
    expect(body).toContain('<target xml:space="preserve">প্রথম\nলাইন</target>');
    expect(body).toContain('<note category="title">Libraries</note>');

    const sourceOnly = seed('text', '', 'Only a source');
    const empty = exportArticle(sourceOnly.state, 'xliff', { sourceLang: 'en', targetLang: 'bn', review: review(sourceOnly.sources, {}) }).body;
    expect(empty).toContain('<segment state="initial">\n        <source xml:space="preserve">Only a source</source>\n        <target xml:space="preserve"></target>');
    const noSource = exportArticle(seed('text', 'লক্ষ্য').state, 'xliff', { sourceLang: 'en', targetLang: 'bn' }).body;
    expect(noSource).toContain('<source xml:space="preserve"></source>');
  });

  it('SPEC 12.2 segment states map to XLIFF 2.0 states', () => {
    const { state, ids } = seed('text', 'a\n\nb\n\nc\n\nd');
    const statuses = { [ids[0]]: 'draft', [ids[1]]: 'translated', [ids[2]]: 'reviewed', [ids[3]]: 'approved' } as const;
    const body = exportArticle(state, 'xliff', { sourceLang: 'en', targetLang: 'bn', review: review(new Map(), statuses) }).body;
    expect([...body.matchAll(/<segment state="(\w+)">/g)].map((m) => m[1])).toEqual(['initial', 'translated', 'reviewed', 'final']);
  });

  it('SPEC 12.2 open threads become notes of their unit; resolved ones are left out', () => {
    const { state, ids } = seed('text', 'a\n\nb');
    const threads = [
      thread(ids[1], 'Check the number', { quote: { exact: 'b' }, comments: [{ author: 'Rina', text: 'Check the number' }, { author: 'Ed', text: 'Done?' }] }),
      thread(ids[0], 'Old', { id: 'closed', resolved: true }),
    ];
    const body = exportArticle(state, 'xliff', { sourceLang: 'en', targetLang: 'bn', review: review(new Map(), {}, threads) }).body;
    expect(XMLValidator.validate(body)).toBe(true);
    expect(body).toContain(`<unit id="${ids[1]}">\n      <notes>\n        <note id="t${ids[1]}" category="comment">“b”\nRina: Check the number\nEd: Done?</note>\n      </notes>`);
    expect(body).not.toContain('Old');
  });

  it('SPEC 12.2 text and attributes are escaped: <script>, &, quotes', () => {
    const { state, ids, sources } = seed('text', '<script>alert("x")</script> & more', 'Tom & Jerry <b>');
    const threads = [thread(ids[0], 'a <i>note</i> & "quote"', { id: 'x"y' })];
    const body = exportArticle(state, 'xliff', {
      title: '</note><x>',
      sourceLang: 'en"><evil',
      targetLang: 'bn',
      review: review(sources, {}, threads),
    }).body;
    expect(XMLValidator.validate(body)).toBe(true);
    expect(body).not.toContain('<script>');
    expect(body).not.toContain('<b>');
    expect(body).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; more');
    expect(body).toContain('Tom &amp; Jerry &lt;b&gt;');
    expect(body).toContain('srcLang="en&quot;&gt;&lt;evil"');
    expect(body).toContain('<note id="x&quot;y" category="comment">Rina: a &lt;i&gt;note&lt;/i&gt; &amp; "quote"</note>');
    expect(body).toContain('<note category="title">&lt;/note&gt;&lt;x&gt;</note>');
    // Read back, every character is what it was.
    const read = readXliff(body);
    expect(read.units[0]).toMatchObject({ source: 'Tom & Jerry <b>', target: '<script>alert("x")</script> & more' });
    expect(read.title).toBe('</note><x>');
  });
});
