// Text that looks like markup stays text in every export (SPEC 7.5): an article whose text, sources,
// title and comments hold HTML, XML's `]]>`, entities, quotes and Markdown syntax. Each format is
// read back by the project's own importers (or JSON.parse) and must give the same text; the markup
// formats must also hold none of it raw.
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { exportFile, type ExportOptions } from '../../../shared/export/index.js';
import { parseDocument } from '../../../shared/import/document.js';
import { readXliff } from '../../../shared/import/xliff-reader.js';
import { seedArticle } from '../../../shared/seed.js';
import { EXPORT_FORMATS } from '../../../shared/schema.js';
import { review, seed, segmentsOf, thread } from './seed.js';

const TARGET = [
  `<script>alert("x")</script> & 'single' "double" ]]> <!-- c --> &amp; &#x41;`,
  '*not emphasis* _nor this_ `nor code` [not a link](javascript:alert(1)) <https://x.example> # not a heading',
  '> not a quote\n- not a list\n1. nor this',
];
const SOURCE = ['A & B <i>c</i> ]]>', '**src** "q"', '<p onclick="x">'];
const TITLE = `</title><script>"&'</script> ]]>`;
const COMMENT = `<note> & "quoted" ]]> *md*`;

function article() {
  const { state, ids, sources } = seed('text', TARGET.join('\n\n'), SOURCE.join('\n\n'));
  const options: ExportOptions = {
    id: 'doc123',
    title: TITLE,
    sourceLang: 'en',
    targetLang: 'bn',
    review: review(sources, {}, [thread(ids[1], COMMENT, { comments: [{ author: `Rina <b>&</b>`, text: COMMENT }] })]),
  };
  return { state, ids, options };
}

/** The segments' text an importer reads back from a file. */
async function readBack(format: 'markdown' | 'xliff' | 'docx', content: string) {
  const parsed = await parseDocument(format === 'markdown' ? { format, target: content } : { format, content });
  return { texts: segmentsOf(seedArticle(parsed)).map((s) => s.text), parsed };
}

describe('escaping in every export', () => {
  it('SPEC 7.5 the article covers every export format', () => {
    expect([...EXPORT_FORMATS].sort()).toEqual(['docx', 'html', 'json', 'md', 'txt', 'xliff']);
  });

  it('SPEC 7.5 txt gives the text as written', async () => {
    const { state, options } = article();
    expect((await exportFile(state, 'txt', options)).body).toBe(TARGET.join('\n\n'));
  });

  it('SPEC 7.5 md escapes Markdown syntax: read as Markdown it is the same text, with no link, emphasis or structure', async () => {
    const { state, options } = article();
    const md = (await exportFile(state, 'md', options)).body as string;
    const { texts, parsed } = await readBack('markdown', md);
    expect(texts).toEqual(TARGET);
    const nodes = JSON.stringify(parsed.segments.map((s) => s.target));
    for (const type of ['"link"', '"list"', '"quote"', '"code"']) expect(nodes).not.toContain(`"type":${type}`);
    expect(nodes).not.toMatch(/"format":[1-9]/);
  });

  it('SPEC 7.5 SPEC 7.3 html holds no markup of the text or title: every <, & and quote of them is an entity', async () => {
    const { state, options } = article();
    const html = (await exportFile(state, 'html', options)).body as string;
    expect(html).not.toMatch(/<script|<note|<!-- c|<i>|onclick|href="javascript/i);
    expect(html).toContain('&lt;/title&gt;&lt;script&gt;');
    expect(html).toContain('&lt;script&gt;alert(');
    expect(html).toContain('&amp;amp; &amp;#x41;');
    // Read as HTML, the text comes back whole.
    const text = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&');
    for (const block of TARGET.flatMap((t) => t.split('\n'))) expect(text).toContain(block);
  });

  it('SPEC 7.5 SPEC 12.2 xliff is well-formed XML whatever the text holds (`]]>` too), and reads back to the same text, sources, title and comments', async () => {
    const { state, ids, options } = article();
    const xliff = (await exportFile(state, 'xliff', options)).body as string;
    expect(XMLValidator.validate(xliff)).toBe(true);
    expect(xliff).not.toMatch(/<script|<note>|<i>|<p onclick|]]>/);
    const file = readXliff(xliff);
    expect(file.title).toBe(TITLE);
    const { texts, parsed } = await readBack('xliff', xliff);
    expect(texts).toEqual(TARGET);
    expect(parsed.segments.map((s) => s.source)).toEqual(SOURCE);
    const notes = parsed.segments.find((s) => s.id === ids[1])!.notes!.map((n) => n.text).join('\n');
    expect(notes).toContain(`Rina <b>&</b>: ${COMMENT}`);
  });

  it('SPEC 7.5 SPEC 12.1 docx is well-formed XML whatever the text holds, and reads back to the same text', async () => {
    const { state, options } = article();
    const body = (await exportFile(state, 'docx', options)).body as Uint8Array;
    const zip = await JSZip.loadAsync(body);
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
      const xml = await zip.file(name)!.async('string');
      expect({ name, valid: XMLValidator.validate(xml) }).toEqual({ name, valid: true });
      expect(xml).not.toMatch(/<script|<note>|<i>|<p onclick/);
    }
    const { texts } = await readBack('docx', Buffer.from(body).toString('base64'));
    expect(texts).toEqual(TARGET);
  });

  it('SPEC 7.5 SPEC 12.3 json gives every string as written', async () => {
    const { state, options } = article();
    const json = JSON.parse((await exportFile(state, 'json', options)).body as string);
    expect(json.title).toBe(TITLE);
    expect(json.segments.map((s: { target: string }) => s.target)).toEqual(TARGET);
    expect(json.segments.map((s: { source: string }) => s.source)).toEqual(SOURCE);
  });
});
