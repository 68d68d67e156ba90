import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { XMLValidator } from 'fast-xml-parser';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectProvider } from '../helpers/clients.js';
import { eventually } from '../helpers/eventually.js';
import { typeInSegment } from '../helpers/segment-typing.js';
import { openArticle } from '../../shared/headless.js';
import { $getSegments } from '../../shared/article.js';
import { $selectRange } from '../../shared/ranges.js';
import { segmentTexts } from '../../server/history/states.js';
import { EXPORT_FORMATS } from '../../shared/schema.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

const TARGET = 'শিরোনাম\n\nমার্ক বেনিফ বলেন, আমরা ১০টি বই পেয়েছি।\n\nশেষ অনুচ্ছেদ।';
const SOURCE = 'Title\n\nMarc Benioff said we got 10 books.\n\nLast paragraph.';

async function article() {
  const doc = await server.createDocument({ target: TARGET, source: SOURCE });
  const path = (rest = '') => `/api/documents/${doc.id}${rest}`;
  const personal = async (role: 'editor' | 'reviewer' | 'viewer', name: string) =>
    (await server.api('POST', path('/session'), { name }, doc.tokens[role])).body.token as string;
  const read = async () => (await server.api('GET', path(), undefined, doc.tokens.viewer)).body.segments as Array<{ id: string; source: string | null; target: string; status: string }>;
  return { ...doc, path, personal, read, segments: await read() };
}

/** A stock y-websocket client of the content room, synced. */
async function client(id: string, token: string) {
  const c = connectProvider(server.wsUrl, id, { token });
  await eventually(() => expect(c.provider.synced).toBe(true));
  return c;
}

/** Replaces `find` in a segment through headless Lexical on the client's doc, as a browser would. */
function replaceIn(doc: Y.Doc, segmentIndex: number, find: string, text: string) {
  const headless = openArticle(Y.encodeStateAsUpdate(doc));
  const diff = headless.update(() => {
    const segment = $getSegments()[segmentIndex];
    const start = segment.getTextContent().indexOf(find);
    $selectRange(segment, start, start + find.length)!.insertText(text);
  });
  headless.dispose();
  Y.applyUpdate(doc, diff);
}

/** Waits until the server holds what the client has. */
async function stored(a: Awaited<ReturnType<typeof article>>, doc: Y.Doc) {
  const texts = segmentTexts(doc).map((s) => s.text);
  await eventually(async () => expect((await a.read()).map((s) => s.target)).toEqual(texts));
}

describe('history API', () => {
  it('SPEC 16.2 an editor saves a named version; it is listed newest first with its author; others may not save', async () => {
    const a = await article();
    const asha = await a.personal('editor', 'Asha');
    const first = await server.api('POST', a.path('/versions'), { name: '  Sent to review ', author: 'Mallory' }, asha);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: expect.any(String), name: 'Sent to review', createdAt: expect.any(Number), author: 'Asha', auto: false });
    const second = await server.api('POST', a.path('/versions'), { name: 'Final' }, asha);
    const list = await server.api('GET', a.path('/versions'), undefined, a.tokens.viewer);
    expect(list.status).toBe(200);
    expect(list.body.versions.slice(0, 2)).toEqual([second.body, first.body]);
    for (const role of ['reviewer', 'viewer'] as const) {
      expect((await server.api('POST', a.path('/versions'), { name: 'x' }, a.tokens[role])).status).toBe(403);
    }
    const unnamed = await server.api('POST', a.path('/versions'), { name: '   ' }, asha);
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.code).toBe('bad_request');
  });

  it('SPEC 16.3 a version exports in every format as the article was when it was saved', async () => {
    const a = await article();
    const saved = (await server.api('POST', a.path('/versions'), { name: 'Before edits' }, a.tokens.editor)).body;
    const editor = await client(a.id, a.tokens.editor);
    replaceIn(editor.doc, 1, 'বেনিফ', 'বেনিওফ');
    await stored(a, editor.doc);
    editor.destroy();

    const txt = await fetch(`${server.url}${a.path(`/versions/${saved.id}/export`)}?format=txt&token=${a.tokens.viewer}`);
    expect(txt.status).toBe(200);
    expect(await txt.text()).toBe(TARGET);
    expect(txt.headers.get('content-disposition')).toContain('Before%20edits');
    const now = await fetch(`${server.url}${a.path('/export')}?format=txt&token=${a.tokens.viewer}`);
    expect(await now.text()).toContain('বেনিওফ');

    for (const format of EXPORT_FORMATS) {
      const response = await fetch(`${server.url}${a.path(`/versions/${saved.id}/export`)}?format=${format}`, {
        headers: { authorization: `Bearer ${a.tokens.viewer}` },
      });
      expect(response.status, format).toBe(200);
      const body = new Uint8Array(await response.arrayBuffer());
      const text = format === 'docx' ? await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string') : new TextDecoder().decode(body);
      expect(text, format).toContain('বেনিফ');
      expect(text, format).not.toContain('বেনিওফ');
    }
    // The sources and statuses of the time come along (json shows them).
    const json = await server.api('GET', a.path(`/versions/${saved.id}/export?format=json`), undefined, a.tokens.viewer);
    expect(json.body.segments[1]).toMatchObject({ source: 'Marc Benioff said we got 10 books.' });

    expect((await server.api('GET', a.path(`/versions/${saved.id}/export?format=pdf`), undefined, a.tokens.viewer)).body.error.code).toBe('bad_format');
    expect((await server.api('GET', a.path('/versions/nosuch/export?format=txt'), undefined, a.tokens.viewer)).status).toBe(404);
  });

  it('SPEC 16.4 the diff of two states is word by word, for every segment, matched by id', async () => {
    const a = await article();
    const saved = (await server.api('POST', a.path('/versions'), { name: 'Draft copy' }, a.tokens.editor)).body;
    const editor = await client(a.id, a.tokens.editor);
    replaceIn(editor.doc, 1, 'বেনিফ', 'বেনিওফ');
    await stored(a, editor.doc);
    editor.destroy();

    const diff = await server.api('GET', a.path(`/diff?from=${saved.id}&to=current`), undefined, a.tokens.reviewer);
    expect(diff.status).toBe(200);
    expect(diff.body.segments.map((s: any) => [s.id, s.index, s.changed])).toEqual(a.segments.map((s, i) => [s.id, i, i === 1]));
    expect(diff.body.segments[1].ops).toEqual([
      { op: 'equal', text: 'মার্ক ' },
      { op: 'delete', text: 'বেনিফ' },
      { op: 'insert', text: 'বেনিওফ' },
      { op: 'equal', text: ' বলেন, আমরা ১০টি বই পেয়েছি।' },
    ]);
    expect(diff.body.segments[0].ops).toEqual([{ op: 'equal', text: 'শিরোনাম' }]);
    const back = await server.api('GET', a.path(`/diff?from=current&to=${saved.id}`), undefined, a.tokens.viewer);
    expect(back.body.segments[1].ops.filter((o: any) => o.op !== 'equal')).toEqual([
      { op: 'delete', text: 'বেনিওফ' },
      { op: 'insert', text: 'বেনিফ' },
    ]);
    expect((await server.api('GET', a.path('/diff?from=current'), undefined, a.tokens.viewer)).status).toBe(400);
    expect((await server.api('GET', a.path('/diff?from=current&to=nosuch'), undefined, a.tokens.viewer)).status).toBe(404);
  });

  it('SPEC 16.4 a comparison exports as HTML with insertions and deletions marked, and as Word with tracked changes', async () => {
    const a = await article();
    const asha = await a.personal('editor', 'Asha');
    const editor = await client(a.id, a.tokens.editor);
    replaceIn(editor.doc, 1, 'বেনিফ', 'বেনিওফ');
    await stored(a, editor.doc);
    editor.destroy();
    const saved = (await server.api('POST', a.path('/versions'), { name: 'Checked' }, asha)).body;
    const draft = (await server.api('GET', a.path('/versions'), undefined, a.tokens.viewer)).body.versions.at(-1);
    const url = (format: string) => `${server.url}${a.path(`/diff?from=${draft.id}&to=${saved.id}&format=${format}`)}&token=${a.tokens.viewer}`;

    const html = await fetch(url('html'));
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await html.text();
    expect(page).toContain('মার্ক <del>বেনিফ</del><ins>বেনিওফ</ins> বলেন');
    expect(page).toContain('<p data-segment="' + a.segments[0].id + '">শিরোনাম</p>');

    const docx = await fetch(url('docx'));
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toMatch(/\.docx/);
    const bytes = new Uint8Array(await docx.arrayBuffer());
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="Asha" w:date="[^"]+Z"><w:r>.*?<w:delText[^>]*>বেনিফ<\/w:delText><\/w:r><\/w:del>/);
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="Asha" w:date="[^"]+Z"><w:r>.*?<w:t[^>]*>বেনিওফ<\/w:t><\/w:r><\/w:ins>/);
    // Read as Word shows it with the changes accepted: the newer text.
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(value).toContain('মার্ক বেনিওফ বলেন');
    expect(value).not.toContain('বেনিফ');

    expect((await fetch(url('pdf'))).status).toBe(400);
  });

  it('SPEC 16.5 a restore reaches connected clients as a live change, keeps what another client types meanwhile, and leaves anchors in untouched segments alone', async () => {
    const a = await article();
    const asha = await a.personal('editor', 'Asha');
    const rina = await a.personal('reviewer', 'Rina');
    const [title, body, last] = a.segments;
    expect((await server.api('PUT', a.path(`/segments/${body.id}/status`), { status: 'reviewed' }, rina)).status).toBe(200);
    const saved = (await server.api('POST', a.path('/versions'), { name: 'Reviewed' }, asha)).body;

    // Anchors in segments the restore will not touch: a suggestion and a thread in the title.
    const suggestion = await server.api('POST', a.path('/suggestions'), { segmentId: title.id, find: 'শিরোনাম', text: 'শীর্ষক' }, rina);
    const thread = await server.api('POST', a.path('/comments'), { segmentId: title.id, find: 'শিরোনাম', text: 'ঠিক আছে?' }, rina);
    expect([suggestion.status, thread.status]).toEqual([201, 201]);

    const editor = await client(a.id, a.tokens.editor);
    const typist = await client(a.id, a.tokens.editor);
    replaceIn(editor.doc, 1, 'বেনিফ', 'বেনিওফ');
    replaceIn(editor.doc, 1, '১০টি', 'দশটি');
    await stored(a, editor.doc);
    expect((await a.read())[1].status).toBe('translated');
    const anchorsBefore = {
      suggestions: (await server.api('GET', a.path('/suggestions'), undefined, a.tokens.viewer)).body,
      threads: (await server.api('GET', a.path('/comments'), undefined, a.tokens.viewer)).body,
    };

    // The typist goes on typing in the last segment while the restore runs: a keystroke the server
    // has not had when it restores (held back by a dropped connection, so it is concurrent whatever
    // the timing), then one after.
    typist.provider.disconnect();
    typeInSegment(typist.doc, 2, ' আরও');
    const restored = await server.api('POST', a.path(`/versions/${saved.id}/restore`), undefined, asha);
    typist.provider.connect();
    await eventually(() => expect(typist.provider.synced).toBe(true));
    typeInSegment(typist.doc, 2, ' লেখা');
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ restored: { id: saved.id, name: 'Reviewed' }, changed: [body.id], added: [], removed: [] });
    expect(restored.body.before).toMatchObject({ name: 'Before restoring Reviewed', auto: true, author: 'Asha' });

    const expected = [title.target, body.target, `${last.target} আরও লেখা`];
    for (const c of [editor, typist]) {
      await eventually(() => expect(segmentTexts(c.doc).map((s) => s.text)).toEqual(expected));
    }
    await eventually(async () => expect((await a.read()).map((s) => s.target)).toEqual(expected));
    // The restored segment's status is the version's; the untouched ones keep theirs.
    const after = await a.read();
    expect(after.map((s) => s.status)).toEqual([title.status, 'reviewed', last.status]);
    // Anchors in the untouched segment are exactly as they were.
    expect({
      suggestions: (await server.api('GET', a.path('/suggestions'), undefined, a.tokens.viewer)).body,
      threads: (await server.api('GET', a.path('/comments'), undefined, a.tokens.viewer)).body,
    }).toEqual(anchorsBefore);

    // The version saved first holds the text before the restore: restoring it undoes the restore
    // (and whatever was typed after it was saved).
    const undo = await server.api('POST', a.path(`/versions/${restored.body.before.id}/restore`), undefined, asha);
    expect(undo.body.changed).toContain(body.id);
    await eventually(() => expect(segmentTexts(editor.doc)[1].text).toBe(body.target.replace('বেনিফ', 'বেনিওফ').replace('১০টি', 'দশটি')));
    editor.destroy();
    typist.destroy();

    for (const role of ['reviewer', 'viewer'] as const) {
      expect((await server.api('POST', a.path(`/versions/${saved.id}/restore`), undefined, a.tokens[role])).status).toBe(403);
    }
    expect((await server.api('POST', a.path('/versions/nosuch/restore'), undefined, asha)).status).toBe(404);
  });

  it('SPEC 16.5 a restore across a split and a merge brings back the version\'s segments, with their sources and statuses', async () => {
    const a = await article();
    const [title, body] = a.segments;
    const draft = (await server.api('GET', a.path('/versions'), undefined, a.tokens.viewer)).body.versions.at(-1);
    expect(draft.name).toBe('Draft');
    const split = await server.api('POST', a.path(`/segments/${body.id}/split`), { at: body.target.indexOf('আমরা'), sourceAt: 'Marc Benioff said '.length }, a.tokens.editor);
    expect(split.status).toBe(200);
    expect((await server.api('POST', a.path(`/segments/${title.id}/merge`), undefined, a.tokens.editor)).status).toBe(200);
    const changed = await a.read();
    expect(changed.map((s) => s.id)).not.toEqual(a.segments.map((s) => s.id));

    const watcher = await client(a.id, a.tokens.viewer);
    const restored = await server.api('POST', a.path(`/versions/${draft.id}/restore`), undefined, a.tokens.editor);
    expect(restored.status).toBe(200);
    expect(restored.body.added).toEqual([body.id]);
    expect(restored.body.removed).toHaveLength(1);
    const after = await a.read();
    expect(after.map((s) => [s.id, s.source, s.target, s.status])).toEqual(a.segments.map((s) => [s.id, s.source, s.target, s.status]));
    await eventually(() => expect(segmentTexts(watcher.doc).map((s) => s.id)).toEqual(a.segments.map((s) => s.id)));
    watcher.destroy();
    const list = await server.api('GET', '/api/documents', undefined);
    expect(list.body.documents.find((d: any) => d.id === a.id).segmentCount).toBe(3);
  });

  it('SPEC 16.5 a segment whose blocks changed gets the version\'s blocks back, formatting and list items included', async () => {
    const md = '# শিরোনাম\n\nএকটি **গাঢ়** শব্দ।\n\n- এক\n- দুই';
    const created = await server.api('POST', '/api/documents', { sourceLang: 'en', targetLang: 'bn', format: 'markdown', target: md });
    const { id, tokens } = created.body;
    const path = (rest: string) => `/api/documents/${id}${rest}`;
    const exportMd = async (rest: string) => (await server.api('GET', path(rest), undefined, tokens.viewer)).body as string;
    const draft = (await server.api('GET', path('/versions'), undefined, tokens.viewer)).body.versions[0];
    const original = await exportMd('/export?format=md');

    const editor = await client(id, tokens.editor);
    replaceIn(editor.doc, 1, 'গাঢ়', 'হালকা');
    const headless = openArticle(Y.encodeStateAsUpdate(editor.doc));
    // The second list item goes.
    Y.applyUpdate(editor.doc, headless.update(() => $selectRange($getSegments()[2], 2, 'এক\nদুই'.length)!.removeText()));
    headless.dispose();
    await eventually(async () => {
      const read = (await server.api('GET', path(''), undefined, tokens.viewer)).body.segments;
      expect(read.map((s: any) => s.target)).toEqual(['শিরোনাম', 'একটি হালকা শব্দ।', 'এক']);
    });

    const restored = await server.api('POST', path(`/versions/${draft.id}/restore`), undefined, tokens.editor);
    expect(restored.body.changed).toHaveLength(2);
    expect(await exportMd('/export?format=md')).toBe(original);
    await eventually(() => expect(segmentTexts(editor.doc).map((s) => s.text)).toEqual(['শিরোনাম', 'একটি গাঢ় শব্দ।', 'এক\nদুই']));
    editor.destroy();
  });

  it('SPEC 16.5 restoring one segment only (segmentId) changes that segment, after saving the state before', async () => {
    const a = await article();
    const draft = (await server.api('GET', a.path('/versions'), undefined, a.tokens.viewer)).body.versions.at(-1);
    const editor = await client(a.id, a.tokens.editor);
    replaceIn(editor.doc, 0, 'শিরোনাম', 'নতুন শিরোনাম');
    replaceIn(editor.doc, 1, 'বেনিফ', 'বেনিওফ');
    await stored(a, editor.doc);
    const restored = await server.api('POST', a.path(`/versions/${draft.id}/restore`), { segmentId: a.segments[1].id }, a.tokens.editor);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ changed: [a.segments[1].id], added: [], removed: [], before: { auto: true } });
    expect((await a.read()).map((s) => s.target)).toEqual(['নতুন শিরোনাম', a.segments[1].target, a.segments[2].target]);
    await eventually(() => expect(segmentTexts(editor.doc)[1].text).toBe(a.segments[1].target));
    editor.destroy();
    const unknown = await server.api('POST', a.path(`/versions/${draft.id}/restore`), { segmentId: 'nosuch' }, a.tokens.editor);
    expect(unknown.status).toBe(404);
    expect((await server.api('POST', a.path(`/versions/${draft.id}/restore`), { segmentId: 5 }, a.tokens.editor)).status).toBe(400);
  });

  it('SPEC 16.6 editors delete named versions; an automatic one is refused with 409 auto_version', async () => {
    const a = await article();
    const named = (await server.api('POST', a.path('/versions'), { name: 'Throwaway' }, a.tokens.editor)).body;
    const restore = await server.api('POST', a.path(`/versions/${named.id}/restore`), undefined, a.tokens.editor);
    const auto = restore.body.before;
    expect((await server.api('DELETE', a.path(`/versions/${named.id}`), undefined, a.tokens.reviewer)).status).toBe(403);
    const refused = await server.api('DELETE', a.path(`/versions/${auto.id}`), undefined, a.tokens.editor);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('auto_version');
    expect((await server.api('DELETE', a.path(`/versions/${named.id}`), undefined, a.tokens.editor)).body).toEqual({ id: named.id, deleted: true });
    expect((await server.api('DELETE', a.path(`/versions/${named.id}`), undefined, a.tokens.editor)).status).toBe(404);
    const ids = (await server.api('GET', a.path('/versions'), undefined, a.tokens.viewer)).body.versions.map((v: any) => v.id);
    expect(ids).toContain(auto.id);
    expect(ids).not.toContain(named.id);
  });
});

describe('versions read from the store', () => {
  it('SPEC 16.1 listing, exporting and comparing versions, and a segment\'s history, load no room', async () => {
    const first = await startTestServer();
    const dir = first.dataDir;
    const doc = await first.createDocument({ target: TARGET, source: SOURCE });
    const path = (rest: string) => `/api/documents/${doc.id}${rest}`;
    const editor = connectProvider(first.wsUrl, doc.id, { token: doc.tokens.editor });
    await eventually(() => expect(editor.provider.synced).toBe(true));
    typeInSegment(editor.doc, 1, ' আরও');
    await eventually(async () => expect((await first.api('GET', path(''), undefined, doc.tokens.viewer)).body.segments[1].target).toContain('আরও'));
    editor.destroy();
    const saved = (await first.api('POST', path('/versions'), { name: 'Edited' }, doc.tokens.editor)).body;
    await first.close();
    // A fresh start: no room is loaded, and none is while versions are read.
    const server = await startTestServer({}, dir);
    try {
      const loads = async () => {
        const text = (await server.api('GET', '/metrics')).body as string;
        return Number(text.split('\n').find((l) => l.startsWith('tandem_room_loads_total '))?.split(' ').at(-1));
      };
      expect(await loads()).toBe(0);
      const versions = (await server.api('GET', path('/versions'), undefined, doc.tokens.viewer)).body.versions;
      const draft = versions.find((v: { name: string }) => v.name === 'Draft');
      for (const format of EXPORT_FORMATS) {
        expect((await server.api('GET', path(`/versions/${saved.id}/export?format=${format}`), undefined, doc.tokens.viewer)).status, format).toBe(200);
      }
      for (const format of ['json', 'html', 'docx']) {
        expect((await server.api('GET', path(`/diff?from=${draft.id}&to=${saved.id}&format=${format}`), undefined, doc.tokens.viewer)).status, format).toBe(200);
      }
      const diff = await server.api('GET', path(`/diff?from=${draft.id}&to=${saved.id}`), undefined, doc.tokens.viewer);
      const changed = diff.body.segments.find((s: { changed: boolean }) => s.changed);
      expect(changed.ops.filter((o: { op: string }) => o.op !== 'equal')).toEqual([{ op: 'insert', text: ' আরও' }]);
      const history = await server.api('GET', path(`/segments/${changed.id}/history`), undefined, doc.tokens.viewer);
      expect(history.body.versions.map((v: { version: { name: string } }) => v.version.name)).toEqual(['Edited', 'Draft']);
      expect(await loads()).toBe(0);
    } finally {
      await server.dispose();
    }
  });
});

describe('versions over restarts', () => {
  it('SPEC 16.1 versions survive compaction and a restart, and go with the deleted article', async () => {
    const first = await startTestServer({ COMPACT_EVERY: '2' });
    const dir = first.dataDir;
    let current = first;
    try {
      const doc = await first.createDocument({ target: TARGET, source: SOURCE });
      const saved = (await first.api('POST', `/api/documents/${doc.id}/versions`, { name: 'Kept' }, doc.tokens.editor)).body;
      const editor = connectProvider(first.wsUrl, doc.id, { token: doc.tokens.editor });
      await eventually(() => expect(editor.provider.synced).toBe(true));
      for (const word of [' এক', ' দুই', ' তিন', ' চার']) typeInSegment(editor.doc, 0, word);
      await eventually(async () => {
        const read = await first.api('GET', `/api/documents/${doc.id}`, undefined, doc.tokens.viewer);
        expect(read.body.segments[0].target).toBe('শিরোনাম এক দুই তিন চার');
      });
      editor.destroy();
      await first.close();
      current = await startTestServer({}, dir);
      const list = await current.api('GET', `/api/documents/${doc.id}/versions`, undefined, doc.tokens.viewer);
      expect(list.body.versions.map((v: any) => v.id)).toContain(saved.id);
      const txt = await current.api('GET', `/api/documents/${doc.id}/versions/${saved.id}/export?format=txt`, undefined, doc.tokens.viewer);
      expect(txt.body).toBe(TARGET);
      expect((await current.api('DELETE', `/api/documents/${doc.id}`)).status).toBe(200);
      const { openSqliteStore } = await import('../../server/storage/sqlite.js');
      await current.close();
      const store = openSqliteStore({ dir });
      expect(await store.listVersions(doc.id)).toEqual([]);
      await store.close();
    } finally {
      await current.close();
      await import('node:fs/promises').then((fs) => fs.rm(dir, { recursive: true, force: true }));
    }
  });
});
