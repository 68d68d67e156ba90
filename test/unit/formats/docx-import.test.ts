import { Document, ExternalHyperlink, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { exportArticle, exportFile } from '../../../shared/export/index.js';
import { parseDocument } from '../../../shared/import/document.js';
import { seedArticle } from '../../../shared/seed.js';
import { MAX_DOCX_UNPACKED_BYTES } from '../../../shared/import/docx-size.js';
import { docxBomb } from '../../helpers/docx-bomb.js';
import { seed, segmentsOf } from './seed.js';

const base64 = (bytes: string | Uint8Array) => Buffer.from(bytes as Uint8Array).toString('base64');
const importDocx = (bytes: string | Uint8Array, source?: string) => parseDocument({ format: 'docx', content: base64(bytes), source });

describe('docx import', () => {
  it('SPEC 12.9 each top-level block of a Word draft is one segment; Tandem\'s docx export comes back with the same text and structure', async () => {
    const md = '# শিরোনাম & <b>\n\nএকটি **গাঢ়** ও *বাঁকা* [লিংক](https://example.org/?a=1&b=2)।\n\n## উপশিরোনাম\n\n> উদ্ধৃতি\n\n- এক\n- দুই\n\n1. প্রথম\n2. দ্বিতীয়';
    const { state } = seed('md', md);
    const docx = await exportFile(state, 'docx', { targetLang: 'bn' });
    const parsed = await importDocx(docx.body);
    expect(parsed.headline).toBe('শিরোনাম & <b>');
    expect(segmentsOf(seedArticle(parsed)).map((s) => s.text)).toEqual(segmentsOf(state).map((s) => s.text));
    const back = exportArticle(seedArticle(parsed), 'md', { targetLang: 'bn' }).body;
    expect(back).toBe(exportArticle(state, 'md', { targetLang: 'bn' }).body);
  });

  it('SPEC 12.9 line breaks, tables and a plain-text source aligned by position', async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('Line one'), new TextRun({ text: 'line two', break: 1 })] }),
            new Paragraph({}),
            new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('a')] }), new TableCell({ children: [new Paragraph('b')] })] })] }),
            new Paragraph({ children: [new ExternalHyperlink({ link: 'https://example.org', children: [new TextRun('link')] })] }),
          ],
        },
      ],
    });
    const parsed = await importDocx(await Packer.toBuffer(document), 'One\n\nTable\n\nLink');
    expect(parsed.segments.map((s) => s.source)).toEqual(['One', 'Table', 'Link']);
    expect(segmentsOf(seedArticle(parsed)).map((s) => s.text)).toEqual(['Line one\nline two', 'a\tb', 'link']);
    expect(JSON.stringify(parsed.segments[2].target)).toContain('"url":"https://example.org"');
    await expect(importDocx(await Packer.toBuffer(document), 'only one')).rejects.toMatchObject({ code: 'count_mismatch' });
  });

  it('SPEC 12.9 SPEC 8.8 a Word draft that unpacks to more than 64 MiB → too_large, found before it is read, however its zip states its sizes', async () => {
    for (const lying of [false, true]) {
      const bomb = docxBomb(MAX_DOCX_UNPACKED_BYTES + 1024, { lying });
      expect(bomb.length).toBeLessThan(MAX_DOCX_UNPACKED_BYTES / 100);
      const started = performance.now();
      await expect(importDocx(bomb)).rejects.toMatchObject({ code: 'too_large', message: `the Word document unpacks to more than ${MAX_DOCX_UNPACKED_BYTES} bytes` });
      expect(performance.now() - started).toBeLessThan(2000);
    }
  });

  it('SPEC 12.9 what is not a Word document → bad_docx; no content → empty', async () => {
    await expect(importDocx('not a zip at all')).rejects.toMatchObject({ code: 'bad_docx' });
    await expect(parseDocument({ format: 'docx', content: '' })).rejects.toMatchObject({ code: 'empty' });
  });
});
