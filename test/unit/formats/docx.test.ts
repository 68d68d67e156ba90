import JSZip from 'jszip';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { exportFile } from '../../../shared/export/index.js';
import { seed } from './seed.js';

async function unzip(body: string | Uint8Array) {
  expect(body).toBeInstanceOf(Uint8Array);
  const zip = await JSZip.loadAsync(body as Uint8Array);
  const read = (name: string) => zip.file(name)!.async('string');
  return { names: Object.keys(zip.files), document: await read('word/document.xml'), styles: await read('word/styles.xml'), rels: await read('word/_rels/document.xml.rels') };
}

const MD = [
  '## Dhaka’s libraries put **10,000** books online',
  'A **bold** and *italic* [link](https://example.org/news?id=1&lang=en) and [bad](javascript:alert(1)).',
  '### A subhead',
  '> A quote',
  '- one\n- two',
  '1. first\n2. second',
].join('\n\n');

describe('docx export', () => {
  it('SPEC 12.1 a Word document: headline as Title, headings, bold, italic, links, lists, quotes', async () => {
    const file = await exportFile(seed('md', MD).state, 'docx', { title: 'Libraries', targetLang: 'en' });
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.extension).toBe('docx');
    const { names, document, rels } = await unzip(file.body);
    expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml']));
    expect(XMLValidator.validate(document)).toBe(true);
    expect(document).toMatch(/<w:pStyle w:val="Title"\/>.*Dhaka’s libraries put .*<w:b\/>.*10,000/s);
    expect(document).toContain('<w:pStyle w:val="Heading3"/>');
    expect(document).toContain('<w:pStyle w:val="Quote"/>');
    expect(document).toMatch(/<w:b\/>(<w:bCs\/>)?.*<w:t xml:space="preserve">bold<\/w:t>/s);
    expect(document).toMatch(/<w:i\/>(<w:iCs\/>)?.*<w:t xml:space="preserve">italic<\/w:t>/s);
    const link = /<w:hyperlink [^>]*r:id="([\w-]+)"[^>]*>.*?<w:rStyle w:val="Hyperlink"\/>.*?link<\/w:t>.*?<\/w:hyperlink>/s.exec(document);
    expect(link).not.toBeNull();
    expect(rels).toMatch(new RegExp(`Id="${link![1]}"[^>]*Target="https://example.org/news\\?id=1&amp;lang=en"`));
    expect(rels).not.toContain('javascript:');
    expect(document).toContain('>bad</w:t>');
    expect(document.match(/<w:numPr>/g)!.length).toBe(4);
  });

  it('SPEC 12.1 the document is in the target language, on the default style and every run', async () => {
    const file = await exportFile(seed('text', 'শিরোনাম\n\nপ্রথম অনুচ্ছেদ।').state, 'docx', { targetLang: 'bn' });
    const { document, styles } = await unzip(file.body);
    expect(styles).toMatch(/<w:docDefaults>.*<w:lang w:val="bn" w:bidi="bn"\/>/s);
    expect(document).toContain('<w:lang w:val="bn" w:bidi="bn"/>');
    expect(document).toContain('প্রথম অনুচ্ছেদ।');
    const rtl = await unzip((await exportFile(seed('text', 'عنوان').state, 'docx', { targetLang: 'ar' })).body);
    expect(rtl.document).toContain('<w:bidi/>');
    expect(rtl.document).toContain('<w:rtl/>');
  });

  it('SPEC 12.1 all text is escaped: <script> and & stay text', async () => {
    const target = 'Title <b>&</b>\n\n<script>alert("x")</script> & more';
    const { document } = await unzip((await exportFile(seed('text', target).state, 'docx', { title: '<script>', targetLang: 'bn' })).body);
    expect(XMLValidator.validate(document)).toBe(true);
    expect(document).not.toContain('<script>');
    expect(document).not.toContain('<b>');
    expect(document).toContain('&lt;script&gt;alert(');
    expect(document).toContain('&lt;/script&gt; &amp; more');
    expect(document).toContain('Title &lt;b&gt;&amp;&lt;/b&gt;');
  });
});
