import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

const segmentsOf = async (id: string, token: string) =>
  (await server.api('GET', `/api/documents/${id}`, undefined, token)).body.segments as Array<{ id: string; source: string | null; target: string; status: string }>;

const download = (id: string, token: string, format: string) => fetch(`${server.url}/api/documents/${id}/export?format=${format}&token=${token}`);

async function importXliff(content: string, extra: Record<string, unknown> = {}) {
  const created = await server.api('POST', '/api/documents', { format: 'xliff', content, ...extra });
  expect(created.status).toBe(201);
  return created.body as { id: string; title: string; tokens: Record<'editor' | 'reviewer' | 'viewer', string> };
}

describe('formats over HTTP', () => {
  it('SPEC 12.5 SPEC 12.6 an XLIFF 2.0 import takes its languages, text and states from the file', async () => {
    const { id, title, tokens } = await importXliff(fixture('article-2.0.xlf'));
    expect(title).toBe('ঢাকার গ্রন্থাগারগুলো ১০,০০০ দুর্লভ বই অনলাইনে তুলল');
    const doc = await server.api('GET', `/api/documents/${id}`, undefined, tokens.viewer);
    expect(doc.body).toMatchObject({ sourceLang: 'en', targetLang: 'bn' });
    expect(doc.body.segments.map((s: any) => [s.id, s.source, s.target, s.status])).toEqual([
      ['headline01', 'Dhaka’s libraries put 10,000 rare books online', 'ঢাকার গ্রন্থাগারগুলো ১০,০০০ দুর্লভ বই অনলাইনে তুলল', 'approved'],
      [expect.stringMatching(/^[a-z0-9]{10}$/), 'The city’s public libraries scanned 10,000 books & maps.', 'শহরের সরকারি গ্রন্থাগারগুলো ১০,০০০ বই & মানচিত্র স্ক্যান করেছে।', 'translated'],
      [expect.stringMatching(/^[a-z0-9]{10}$/), 'Not translated yet.', '', 'draft'],
    ]);
  });

  it('SPEC 12.5 an XLIFF 1.2 import; the request\'s languages and title win over the file\'s', async () => {
    const { id, title, tokens } = await importXliff(fixture('article-1.2.xlf'), { targetLang: 'bn', title: 'Libraries' });
    expect(title).toBe('Libraries');
    const doc = await server.api('GET', `/api/documents/${id}`, undefined, tokens.viewer);
    expect(doc.body).toMatchObject({ sourceLang: 'en-US', targetLang: 'bn' });
    expect(doc.body.segments.map((s: any) => s.status)).toEqual(['approved', 'reviewed', 'approved', 'translated', 'draft']);
    expect(doc.body.segments[1]).toMatchObject({ source: 'The city’s public libraries', target: 'শহরের সরকারি গ্রন্থাগারগুলো' });
  });

  it('SPEC 12.5 an XLIFF file\'s notes become open threads on their whole segments', async () => {
    const threadsOf = async (id: string, token: string) =>
      (await server.api('GET', `/api/documents/${id}/comments`, undefined, token)).body.threads as Array<Record<string, any>>;
    const two = await importXliff(fixture('article-2.0.xlf'));
    const segments = await segmentsOf(two.id, two.tokens.viewer);
    expect(await threadsOf(two.id, two.tokens.viewer)).toEqual([
      expect.objectContaining({
        segmentId: segments[1].id,
        quote: expect.objectContaining({ exact: segments[1].target }),
        resolved: false,
        author: 'Imported note',
        comments: [expect.objectContaining({ author: 'Imported note', text: '“Public” is সরকারি here, not পাবলিক.' })],
      }),
    ]);
    const twelve = await importXliff(fixture('article-1.2.xlf'), { targetLang: 'bn' });
    const [thread] = await threadsOf(twelve.id, twelve.tokens.viewer);
    expect(thread).toMatchObject({ author: 'Copy desk', comments: [{ author: 'Copy desk', text: 'Check the wording against the print edition.' }] });
    expect(thread.segmentId).toBe((await segmentsOf(twelve.id, twelve.tokens.viewer))[3].id);
    // An editor resolves it like any other thread.
    const resolved = await server.api('POST', `/api/documents/${twelve.id}/comments/${thread.id}/resolve`, {}, twelve.tokens.editor);
    expect(resolved.status).toBe(200);
  });

  it('SPEC 12.7 SPEC 12.2 exported XLIFF is well-formed and re-imports to the same segments', async () => {
    const { id, tokens } = await server.createDocument({ target: 'শিরোনাম\n\nএক\nদুই\n\nশেষ & <b>', source: 'Headline\n\nOne\ntwo\n\nLast' });
    const before = await segmentsOf(id, tokens.viewer);
    const put = await server.api('PUT', `/api/documents/${id}/segments/${before[1].id}/status`, { status: 'reviewed' }, tokens.editor);
    expect(put.status).toBe(200);
    const comment = { segmentId: before[2].id, text: 'Is this the last line?' };
    expect((await server.api('POST', `/api/documents/${id}/comments`, comment, tokens.reviewer)).status).toBe(201);
    const response = await download(id, tokens.viewer, 'xliff');
    expect(response.headers.get('content-type')).toBe('application/xliff+xml');
    expect(response.headers.get('content-disposition')).toMatch(/filename=".*\.xlf"/);
    const xliff = await response.text();
    expect(XMLValidator.validate(xliff)).toBe(true);
    expect(xliff).toContain('srcLang="en" trgLang="bn"');
    const again = await importXliff(xliff);
    const after = await segmentsOf(again.id, again.tokens.viewer);
    expect(after).toEqual((await segmentsOf(id, tokens.viewer)).map((s) => ({ ...s })));
    expect(after.map((s) => s.status)).toEqual(['draft', 'reviewed', 'draft']);
    const threads = (await server.api('GET', `/api/documents/${again.id}/comments`, undefined, again.tokens.viewer)).body.threads;
    expect(threads).toMatchObject([{ segmentId: before[2].id, comments: [{ text: expect.stringContaining('Is this the last line?') }] }]);
  });

  it('SPEC 12.1 docx export opens as a zip whose XML has the text, bold, the link and the language', async () => {
    const md = '# শিরোনাম\n\nএকটি **গাঢ়** ও *বাঁকা* [লিংক](https://example.org/?a=1&b=2)।';
    const created = await server.api('POST', '/api/documents', { sourceLang: 'en', targetLang: 'bn', format: 'markdown', target: md });
    const response = await download(created.body.id, created.body.tokens.viewer, 'docx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toMatch(/filename=".*\.docx"; filename\*=UTF-8''.+\.docx$/);
    const zip = await JSZip.loadAsync(new Uint8Array(await response.arrayBuffer()));
    const document = await zip.file('word/document.xml')!.async('string');
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    expect(XMLValidator.validate(document)).toBe(true);
    expect(document).toContain('<w:pStyle w:val="Title"/>');
    expect(document).toMatch(/<w:b\/>.*গাঢ়/s);
    expect(document).toMatch(/<w:hyperlink [^>]*r:id="[\w-]+"[^>]*>.*লিংক.*<\/w:hyperlink>/s);
    expect(rels).toContain('Target="https://example.org/?a=1&amp;b=2"');
    expect(document).toContain('<w:lang w:val="bn" w:bidi="bn"/>');
  });

  it('SPEC 7.3 SPEC 12.1 SPEC 12.2 <script> and & are escaped in html, docx and xliff', async () => {
    const { id, tokens } = await server.createDocument({ target: 'Title & <b>bold</b>\n\n<script>alert("x")</script> & more', source: 'A & B\n\n<script>' });
    const html = await (await download(id, tokens.viewer, 'html')).text();
    const xliff = await (await download(id, tokens.viewer, 'xliff')).text();
    const docx = await JSZip.loadAsync(new Uint8Array(await (await download(id, tokens.viewer, 'docx')).arrayBuffer()));
    const document = await docx.file('word/document.xml')!.async('string');
    for (const text of [html, xliff, document]) {
      expect(text).not.toContain('<script>');
      expect(text).not.toContain('<b>');
      expect(text).toContain('&lt;script&gt;alert(');
      expect(text).toContain('&lt;/script&gt; &amp; more');
    }
    expect(xliff).toContain('<source xml:space="preserve">A &amp; B</source>');
    expect(XMLValidator.validate(xliff)).toBe(true);
    expect(XMLValidator.validate(document)).toBe(true);
  });

  it('SPEC 12.3 json export: the segments as GET /api/documents/:id shows them, omitted ones left out', async () => {
    const { id, tokens } = await server.createDocument();
    const before = await server.api('GET', `/api/documents/${id}`, undefined, tokens.viewer);
    const omitted = before.body.segments[1].id;
    expect((await server.api('PUT', `/api/documents/${id}/segments/${omitted}/omitted`, { omitted: true }, tokens.editor)).status).toBe(200);
    const response = await download(id, tokens.viewer, 'json');
    expect(response.headers.get('content-type')).toMatch(/^application\/json\b/);
    const doc = await server.api('GET', `/api/documents/${id}`, undefined, tokens.viewer);
    // Who last changed each segment (SPEC 16.9) is the API's, not the file's; so is the omitted flag.
    const segments = doc.body.segments
      .filter((segment: any) => !segment.omitted)
      .map(({ changedBy: _by, changedAt: _at, omitted: _omitted, ...segment }: any) => segment);
    expect(segments).toHaveLength(before.body.segments.length - 1);
    expect(await response.json()).toEqual({ id, title: doc.body.title, sourceLang: 'en', targetLang: 'bn', segments });
  });

  it('SPEC 12.4 every export counts open suggestions and unresolved threads in headers', async () => {
    const { id, tokens } = await server.createDocument();
    const [, segment] = await segmentsOf(id, tokens.viewer);
    const counts = async (format: string) => {
      const response = await download(id, tokens.viewer, format);
      expect(response.status).toBe(200);
      return [response.headers.get('x-tandem-open-suggestions'), response.headers.get('x-tandem-open-threads')];
    };
    expect(await counts('txt')).toEqual(['0', '0']);
    const suggestion = await server.api('POST', `/api/documents/${id}/suggestions`, { segmentId: segment.id, find: 'প্রথম', text: 'এক নম্বর' }, tokens.reviewer);
    expect(suggestion.status).toBe(201);
    const comment = await server.api('POST', `/api/documents/${id}/comments`, { segmentId: segment.id, text: 'Check <this> & that' }, tokens.reviewer);
    expect(comment.status).toBe(201);
    for (const format of ['txt', 'md', 'html', 'docx', 'xliff', 'json']) expect(await counts(format)).toEqual(['1', '1']);
    const xliff = await (await download(id, tokens.viewer, 'xliff')).text();
    expect(xliff).toMatch(new RegExp(`<unit id="${segment.id}">\\s*<notes>\\s*<note id="${comment.body.id}" category="comment">[^<]*Check &lt;this&gt; &amp; that</note>`));
    expect((await server.api('POST', `/api/documents/${id}/comments/${comment.body.id}/resolve`, {}, tokens.reviewer)).status).toBe(200);
    expect((await server.api('POST', `/api/documents/${id}/suggestions/${suggestion.body.id}/reject`, {}, tokens.editor)).status).toBe(200);
    expect(await counts('md')).toEqual(['0', '0']);
    expect(await (await download(id, tokens.viewer, 'xliff')).text()).not.toContain('<note id=');
  });

  it('SPEC 12.9 a Word draft imports from base64; Tandem\'s own docx export comes back with the same text', async () => {
    const { id, tokens } = await server.createDocument({ target: 'শিরোনাম\n\nএক\nদুই\n\nশেষ & <b>', source: 'Headline\n\nOne\ntwo\n\nLast' });
    const docx = Buffer.from(await (await download(id, tokens.viewer, 'docx')).arrayBuffer()).toString('base64');
    const created = await server.api('POST', '/api/documents', { format: 'docx', content: docx, sourceLang: 'en', targetLang: 'bn', source: 'Headline\n\nOne\ntwo\n\nLast' });
    expect(created.status).toBe(201);
    expect(created.body.title).toBe('শিরোনাম');
    const imported = await segmentsOf(created.body.id, created.body.tokens.viewer);
    const original = await segmentsOf(id, tokens.viewer);
    expect(imported.map((s) => [s.source, s.target])).toEqual(original.map((s) => [s.source, s.target]));
    const bad = await server.api('POST', '/api/documents', { format: 'docx', content: 'bm90IGEgemlw', sourceLang: 'en', targetLang: 'bn' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_docx');
    expect((await server.api('POST', '/api/documents', { format: 'docx', content: docx, targetLang: 'bn' })).status).toBe(400);
  });

  it('SPEC 12.8 bad XLIFF, no units and missing languages → 400 with a clear message', async () => {
    const post = (body: Record<string, unknown>) => server.api('POST', '/api/documents', body);
    const malformed = await post({ format: 'xliff', content: '<xliff version="2.0"><file>' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'bad_xliff', message: expect.stringMatching(/malformed XML/) });
    const empty = await post({ format: 'xliff', content: '<xliff version="2.0" srcLang="en" trgLang="bn"><file id="f"/></xliff>' });
    expect(empty.body.error).toMatchObject({ code: 'empty', message: expect.stringMatching(/no units/) });
    expect((await post({ format: 'xliff' })).body.error.code).toBe('empty');
    const noLanguage = await post({ format: 'xliff', content: '<xliff version="1.2"><file><body><trans-unit id="1"><source>a</source></trans-unit></body></file></xliff>' });
    expect(noLanguage.status).toBe(400);
    expect(noLanguage.body.error).toMatchObject({ code: 'missing_language', message: expect.stringMatching(/sourceLang/) });
    const badTag = await post({ format: 'xliff', content: '<xliff version="2.0" srcLang="en us" trgLang="bn_BD"><file id="f"><unit id="u"><segment><source>a</source></segment></unit></file></xliff>' });
    expect(badTag.body.error).toMatchObject({ code: 'bad_language', message: expect.stringMatching(/sourceLang "en us"/) });
    const underscores = await importXliff('<xliff version="2.0" srcLang="en_US" trgLang="bn_BD"><file id="f"><unit id="u"><segment><source>a</source></segment></unit></file></xliff>');
    expect((await server.api('GET', `/api/documents/${underscores.id}`)).body).toMatchObject({ sourceLang: 'en-US', targetLang: 'bn-BD' });
    const text = await post({ format: 'text', target: 'a', targetLang: 'bn' });
    expect(text.status).toBe(400);
    expect(text.body.error.message).toMatch(/sourceLang/);
  });
});
