// Omitted segments in every export format (SPEC 11.9) and XLIFF's translate="no" (SPEC 12.12).
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportArticle, exportFile } from '../../../shared/export/index.js';
import { parseXliffImport } from '../../../shared/import/xliff.js';
import { seed } from './seed.js';

const TARGET = 'শিরোনাম\n\nশিরোনাম\n\nশহরে ১০টি গ্রন্থাগার আছে।\n\nউত্তর দিন';
const SOURCE = 'Title\n\nTitle again\n\nThe city has 10 libraries.\n\nLeave a Reply';

function article() {
  const { state, ids, sources } = seed('text', TARGET, SOURCE);
  const review = { sources, statuses: { [ids[2]]: 'translated' as const }, omitted: new Set([ids[1], ids[3]]) };
  return { state, ids, options: { title: 'Libraries', sourceLang: 'en', targetLang: 'bn', review } };
}

describe('omitted segments in the exports', () => {
  it('SPEC 11.9 txt, md, html, json and docx leave an omitted segment out', async () => {
    const { state, ids, options } = article();
    expect(exportArticle(state, 'txt', options).body).toBe('শিরোনাম\n\nশহরে ১০টি গ্রন্থাগার আছে।');
    expect(exportArticle(state, 'md', options).body).toBe('# শিরোনাম\n\nশহরে ১০টি গ্রন্থাগার আছে।');
    const html = exportArticle(state, 'html', options).body;
    expect(html).toContain('<h1>শিরোনাম</h1>\n<p>শহরে ১০টি গ্রন্থাগার আছে।</p>');
    expect(html).not.toContain('উত্তর');
    expect(JSON.parse(exportArticle(state, 'json', options).body).segments).toEqual([
      { id: ids[0], index: 0, source: 'Title', target: 'শিরোনাম', status: 'draft' },
      { id: ids[2], index: 2, source: 'The city has 10 libraries.', target: 'শহরে ১০টি গ্রন্থাগার আছে।', status: 'translated' },
    ]);
    const docx = await JSZip.loadAsync((await exportFile(state, 'docx', options)).body);
    const xml = await docx.file('word/document.xml')!.async('string');
    expect(xml.match(/শিরোনাম/g)).toHaveLength(1);
    expect(xml).not.toContain('উত্তর');
    // Without the review data nothing is omitted.
    expect(exportArticle(state, 'txt', { targetLang: 'bn' }).body).toBe(TARGET);
  });

  it('SPEC 12.12 XLIFF keeps an omitted unit, marked translate="no", and reads it back omitted', () => {
    const { state, ids, options } = article();
    const xliff = exportArticle(state, 'xliff', options).body;
    for (const id of ids) expect(xliff).toContain(`<unit id="${id}"${id === ids[1] || id === ids[3] ? ' translate="no"' : ''}>`);
    const parsed = parseXliffImport(xliff);
    expect(parsed.segments.map((s) => [s.id, s.omitted ?? false])).toEqual(ids.map((id) => [id, id === ids[1] || id === ids[3]]));
    // XLIFF 1.2 says it the same way on a trans-unit.
    const v12 = `<?xml version="1.0"?><xliff version="1.2"><file source-language="en" target-language="bn" datatype="plaintext" original="a"><body>
      <trans-unit id="keep01"><source>One</source><target>এক</target></trans-unit>
      <trans-unit id="omit01" translate="no"><source>Share</source><target>শেয়ার</target></trans-unit>
    </body></file></xliff>`;
    expect(parseXliffImport(v12).segments.map((s) => s.omitted ?? false)).toEqual([false, true]);
  });
});
