import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectProvider } from '../helpers/clients.js';
import { eventually } from '../helpers/eventually.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const bn = fixture('article.bn.txt');
const en = fixture('article.en.txt');

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

describe('documents API', () => {
  it('SPEC 7.1 import → export round trip of a Bengali article is byte for byte', async () => {
    const created = await server.api('POST', '/api/documents', { sourceLang: 'en', targetLang: 'bn', format: 'text', source: en, target: bn });
    expect(created.status).toBe(201);
    const { id, tokens, links } = created.body;
    expect(Object.keys(tokens).sort()).toEqual(['editor', 'reviewer', 'viewer']);
    expect(links.editor).toMatch(new RegExp(`/d/${id}\\?token=`));
    const exported = await server.api('GET', `/api/documents/${id}/export?format=txt`, undefined, tokens.viewer);
    expect(exported.status).toBe(200);
    expect(exported.body).toBe(bn);
    expect(exported.headers.get('content-type')).toMatch(/text\/plain.*utf-8/i);
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.txt"; filename\*=UTF-8''.+\.txt$/);
  });

  it('SPEC 6.1 SPEC 6.3 text import: blocks become segments, CRLF normalised, headline names the document', async () => {
    const target = 'Headline here\r\n\r\nLine one\r\nline two\r\n\r\n\r\n\r\nLast';
    const { body } = await server.api('POST', '/api/documents', { sourceLang: 'bn', targetLang: 'en', format: 'txt', target });
    const doc = await server.api('GET', `/api/documents/${body.id}`, undefined, body.tokens.viewer);
    expect(doc.status).toBe(200);
    expect(doc.body).toMatchObject({ id: body.id, title: 'Headline here', sourceLang: 'bn', targetLang: 'en', role: 'viewer' });
    expect(doc.body.segments.map((s: any) => [s.index, s.source, s.target, s.status])).toEqual([
      [0, null, 'Headline here', 'draft'],
      [1, null, 'Line one\nline two', 'draft'],
      [2, null, 'Last', 'draft'],
    ]);
    const list = await server.api('GET', '/api/documents');
    expect(list.body.documents.find((d: any) => d.id === body.id)).toMatchObject({ title: 'Headline here', segmentCount: 3 });
  });

  it('SPEC 6.2 different block counts → 400 naming both counts', async () => {
    const { status, body } = await server.api('POST', '/api/documents', { sourceLang: 'en', targetLang: 'bn', format: 'text', source: 'a\n\nb\n\nc', target: 'ক\n\nখ' });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/3/);
    expect(body.error.message).toMatch(/2/);
  });

  it('SPEC 6.4 SPEC 7.2 markdown import keeps structure and exports it back', async () => {
    const md = '# শিরোনাম\n\nএকটি **গাঢ়** এবং *বাঁকা* [লিংক](https://example.org)।\n\n> উদ্ধৃতি\n\n- এক\n- দুই';
    const { body } = await server.api('POST', '/api/documents', { sourceLang: 'en', targetLang: 'bn', format: 'markdown', target: md, title: 'Custom title' });
    expect(body.title).toBe('Custom title');
    const doc = await server.api('GET', `/api/documents/${body.id}`, undefined, body.tokens.editor);
    expect(doc.body.segments.map((s: any) => s.target)).toEqual(['শিরোনাম', 'একটি গাঢ় এবং বাঁকা লিংক।', 'উদ্ধৃতি', 'এক\nদুই']);
    const exported = await server.api('GET', `/api/documents/${body.id}/export?format=md`, undefined, body.tokens.viewer);
    expect(exported.body).toContain('# শিরোনাম');
    expect(exported.body).toContain('**গাঢ়**');
    expect(exported.body).toContain('[লিংক](https://example.org)');
    expect(exported.body).toContain('> উদ্ধৃতি');
    expect(exported.body).toMatch(/- এক\n- দুই/);
  });

  it('SPEC 7.3 html export is a complete document in the target language with all text escaped', async () => {
    const target = 'Title <b>&</b>\n\n<script>alert("x")</script> & more';
    const { body } = await server.api('POST', '/api/documents', { sourceLang: 'en', targetLang: 'bn', format: 'text', target });
    const html = await fetch(`${server.url}/api/documents/${body.id}/export?format=html&token=${body.tokens.viewer}`).then((r) => r.text());
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<html lang="bn"');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toMatch(/<h1>Title &lt;b&gt;&amp;&lt;\/b&gt;<\/h1>/);
  });

  it('SPEC 7.4 an unknown export format → 400; the query token works for downloads', async () => {
    const { id, tokens } = await server.createDocument();
    const bad = await server.api('GET', `/api/documents/${id}/export?format=pdf`, undefined, tokens.viewer);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_format');
    const viaQuery = await fetch(`${server.url}/api/documents/${id}/export?format=txt&token=${tokens.viewer}`);
    expect(viaQuery.status).toBe(200);
    expect(await fetch(`${server.url}/api/documents/${id}/export?format=txt`).then((r) => r.status)).toBe(401);
  });

  it('SPEC 8.3 an answer reflects every change acknowledged before it', async () => {
    const { id, tokens } = await server.createDocument();
    const editor = connectProvider(server.wsUrl, id, { token: tokens.editor });
    await eventually(() => expect(editor.provider.synced).toBe(true));
    const { openArticle } = await import('../../shared/headless.js');
    const { $getSegments } = await import('../../shared/article.js');
    const { $createTextNode, $createParagraphNode } = await import('lexical');
    const Y = await import('yjs');
    // Edit through a headless editor on a copy, then send the diff like a browser would.
    const article = openArticle(Y.encodeStateAsUpdate(editor.doc));
    const diff = article.update(() => {
      $getSegments()[1].append($createParagraphNode().append($createTextNode('নতুন লাইন')));
    });
    article.dispose();
    Y.applyUpdate(editor.doc, diff);
    const viewer = connectProvider(server.wsUrl, id, { token: tokens.viewer });
    await eventually(() => expect(Y.encodeStateVector(viewer.doc)).toEqual(Y.encodeStateVector(editor.doc)));
    const doc = await server.api('GET', `/api/documents/${id}`, undefined, tokens.viewer);
    expect(doc.body.segments[1].target).toBe('প্রথম অনুচ্ছেদ।\nনতুন লাইন');
    const txt = await server.api('GET', `/api/documents/${id}/export?format=txt`, undefined, tokens.viewer);
    expect(txt.body).toContain('নতুন লাইন');
    editor.destroy();
    viewer.destroy();
  });

  it('SPEC 8.5 deleting a document closes its rooms with 4404 and removes it', async () => {
    const { id, tokens } = await server.createDocument();
    const live = connectProvider(server.wsUrl, id, { token: tokens.editor });
    await eventually(() => expect(live.provider.synced).toBe(true));
    expect((await server.api('DELETE', `/api/documents/${id}`)).status).toBe(200);
    await eventually(() => expect(live.closes.map((c) => c.code)).toContain(4404));
    expect((await server.api('GET', `/api/documents/${id}`)).status).toBe(404);
    expect((await server.api('DELETE', `/api/documents/${id}`)).status).toBe(404);
    expect((await server.api('GET', '/api/documents')).body.documents.map((d: any) => d.id)).not.toContain(id);
    live.destroy();
  });
});
