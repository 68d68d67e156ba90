import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportArticle } from '../../shared/export/index.js';
import { parseImport } from '../../shared/import/index.js';
import { seedArticle } from '../../shared/seed.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const options = { title: 'Libraries', targetLang: 'bn' };
const seed = (format: string, target: string) => seedArticle(parseImport({ format, target }));

describe('export', () => {
  it('SPEC 7.1 a text draft separated by single blank lines comes back byte for byte', () => {
    const draft = fixture('article.bn.txt');
    expect(draft).toMatch(/[“”‘’]/);
    expect(draft).toMatch(/[০-৯]/);
    const result = exportArticle(seed('text', draft), 'txt', options);
    expect(Buffer.from(result.body)).toEqual(Buffer.from(draft));
    expect(result).toMatchObject({ contentType: 'text/plain; charset=utf-8', extension: 'txt' });
    // CRLF drafts come back with LF.
    expect(exportArticle(seed('text', 'এক\r\nদুই\r\n\r\nতিন'), 'txt', options).body).toBe('এক\nদুই\n\nতিন');
  });

  it('SPEC 7.2 Markdown keeps the structure and has the headline as a # heading', () => {
    const md = fixture('article.md');
    const result = exportArticle(seed('md', md), 'md', options);
    expect(result.body).toBe(md.trimEnd());
    expect(result.extension).toBe('md');
    const fromText = exportArticle(seed('text', 'Head\nline\n\n*body*'), 'md', options).body;
    // A line break cannot live in a heading; Lexical escapes Markdown characters in plain text.
    expect(fromText).toBe('# Head line\n\n\\*body\\*');
    const h2 = exportArticle(seed('md', '## Sub head\n\nText'), 'md', options).body;
    expect(h2).toBe('# Sub head\n\nText');
  });

  it('SPEC 7.3 HTML is a complete document in the target language, the headline as <h1>', () => {
    const html = exportArticle(seed('md', fixture('article.md')), 'html', options).body;
    expect(html).toMatch(/^<!doctype html>\n<html lang="bn">\n<head>\n<meta charset="utf-8">/);
    expect(html).toContain('<title>Libraries</title>');
    expect(html).toContain('<h1>Dhaka’s libraries put <strong>10,000</strong> rare books online</h1>');
    expect(html).toContain('<a href="https://example.org/news?id=1&amp;lang=en">officials said</a>');
    expect(html).toContain('<blockquote>“We want every student to reach these books,”<br>said Nasrin Ahmed.</blockquote>');
    expect(html).toContain(
      '<ul><li>Cost: about 3 crore taka</li><li>Funding: a <em>government</em> grant<ul><li>plus private donors</li></ul></li></ul>',
    );
    expect(html).toContain('<ol><li>Scan</li><li>Publish</li></ol>');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    const text = exportArticle(seed('text', fixture('article.bn.txt')), 'html', { targetLang: 'bn' }).body;
    expect(text).toContain('<title>ঢাকার গ্রন্থাগারগুলো ১০,০০০ দুর্লভ বই অনলাইনে তুলল</title>');
    expect(text).toContain('<h1>ঢাকার গ্রন্থাগারগুলো ১০,০০০ দুর্লভ বই অনলাইনে তুলল</h1>');
    expect(text).toContain('টাকা।<br>এর বেশির ভাগ');
  });

  it('SPEC 7.3 all text in the HTML export is escaped', () => {
    const target = '<script>alert("x")</script> & more\n\nTom & Jerry <b>not bold</b>\n\n[bad](javascript:alert(1)) and [ok](https://a.b/?q=<1>)';
    const html = exportArticle(seed('md', target), 'html', { title: '</title><script>', targetLang: 'bn"><x' }).body;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;</title>');
    expect(html).toContain('<html lang="bn&quot;&gt;&lt;x">');
    expect(html).toContain('<h1>&lt;script&gt;alert("x")&lt;/script&gt; &amp; more</h1>');
    expect(html).toContain('<p>Tom &amp; Jerry &lt;b&gt;not bold&lt;/b&gt;</p>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<p>bad and <a href="https://a.b/?q=&lt;1&gt;">ok</a></p>');
  });
});
