import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { $readSegments } from '../../shared/article.js';
import { openArticle } from '../../shared/headless.js';
import { ImportError, parseImport } from '../../shared/import/index.js';
import { splitTextBlocks } from '../../shared/import/text.js';
import { seedArticle } from '../../shared/seed.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const targetTypes = (parsed: ReturnType<typeof parseImport>) =>
  parsed.segments.map((s) => s.target.map((block) => block.type).join('+'));

describe('import', () => {
  it('SPEC 6.1 blank lines separate blocks; CRLF is normalised', () => {
    const input = '\r\n  Title\r\n\r\nline one\r\n  line two  \r\n \t \r\n\r\n\r\nlast\r\n';
    expect(splitTextBlocks(input)).toEqual(['  Title', 'line one\n  line two  ', 'last']);
  });

  it('SPEC 6.1 each text block is one segment, a single newline inside it a line break', () => {
    const parsed = parseImport({ format: 'text', target: 'Head\n\nএক\nদুই\n\nthree' });
    expect(targetTypes(parsed)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    const article = openArticle(seedArticle(parsed));
    const segments = article.read($readSegments);
    expect(segments.map((s) => s.text)).toEqual(['Head', 'এক\nদুই', 'three']);
    expect(segments.map((s) => s.id)).toEqual(parsed.segments.map((s) => s.id));
    expect(JSON.stringify(parsed.segments[1].target)).toContain('"linebreak"');
  });

  it('SPEC 6.2 source and target blocks align by position', () => {
    const parsed = parseImport({
      format: 'txt',
      source: fixture('article.en.txt'),
      target: fixture('article.bn.txt'),
    });
    expect(parsed.segments).toHaveLength(6);
    expect(parsed.segments[3].source).toBe(
      'The project, first reported by WIRED’s South Asia newsletter, cost about 3 crore taka.\n' +
        'Most of the money came from a government grant.',
    );
    const texts = openArticle(seedArticle(parsed)).read($readSegments).map((s) => s.text);
    expect(texts[3]).toMatch(/^WIRED-এর .*টাকা।\nএর বেশির ভাগ/);
    expect(texts[4]).toBe(texts[5]);
  });

  it('SPEC 6.2 different block counts are refused, naming both counts', () => {
    const attempt = () => parseImport({ format: 'text', source: 'a\n\nb\n\nc', target: 'ক\n\nখ' });
    expect(attempt).toThrow(ImportError);
    expect(attempt).toThrow('source has 3 blocks but target has 2');
    expect(() => parseImport({ format: 'text', source: 'a', target: 'ক\n\nখ' })).toThrow('source has 1 block but target has 2');
    try {
      attempt();
    } catch (error) {
      expect((error as ImportError).code).toBe('count_mismatch');
    }
    expect(() => parseImport({ format: 'docx', target: 'x' })).toThrow(expect.objectContaining({ code: 'bad_format' }));
    expect(() => parseImport({ format: 'text', source: ' \n ' })).toThrow(expect.objectContaining({ code: 'empty' }));
  });

  it('SPEC 6.2 a source alone gives empty targets; a target alone gives null sources', () => {
    const sourceOnly = parseImport({ format: 'text', source: 'One\n\nTwo' });
    expect(sourceOnly.segments.map((s) => s.source)).toEqual(['One', 'Two']);
    expect(targetTypes(sourceOnly)).toEqual(['paragraph', 'paragraph']);
    expect(openArticle(seedArticle(sourceOnly)).read($readSegments).map((s) => s.text)).toEqual(['', '']);
    const targetOnly = parseImport({ format: 'text', target: 'এক\n\nদুই', source: '' });
    expect(targetOnly.segments.map((s) => s.source)).toEqual([null, null]);
  });

  it('SPEC 6.3 the first segment is the headline', () => {
    expect(parseImport({ format: 'text', target: fixture('article.bn.txt') }).headline).toBe(
      'ঢাকার গ্রন্থাগারগুলো ১০,০০০ দুর্লভ বই অনলাইনে তুলল',
    );
    expect(parseImport({ format: 'text', source: 'Two\nlines\n\nbody' }).headline).toBe('Two lines');
  });

  it('SPEC 6.4 each top-level Markdown block is one segment; emphasis, links, lists and quotes are kept', () => {
    const md = fixture('article.md');
    const parsed = parseImport({ format: 'md', source: md, target: md });
    expect(targetTypes(parsed)).toEqual(['heading', 'paragraph', 'quote', 'list', 'list']);
    expect(parsed.segments.map((s) => s.source)).toEqual([
      'Dhaka’s libraries put 10,000 rare books online',
      'The city’s public library network has scanned more than 10,000 rare books, officials said.',
      '“We want every student to reach these books,”\nsaid Nasrin Ahmed.',
      'Cost: about 3 crore taka\nFunding: a government grant\nplus private donors',
      'Scan\nPublish',
    ]);
    const json = JSON.stringify(parsed.segments.map((s) => s.target));
    expect(json).toContain('"type":"link"');
    expect(json).toContain('"url":"https://example.org/news?id=1&lang=en"');
    expect(json).toMatch(/"format":1,[^}]*"text":"10,000"/);
    expect(json).toMatch(/"format":2,[^}]*"text":"public library"/);
    expect(parsed.headline).toBe('Dhaka’s libraries put 10,000 rare books online');
  });
});
