// Omitting a segment through the API (SPEC 11.9, 12.12, 14.17): editors only, live for every
// client, left out of every export (XLIFF marks it and reads it back), of QA and of the export's counts.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectProvider } from '../helpers/clients.js';
import { eventually } from '../helpers/eventually.js';
import { ReviewRoom } from '../../shared/schema.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

// A duplicated headline, the body, a site's boilerplate and a caption.
const SOURCE = 'Title\n\nThe title, again\n\nThe city has 10 libraries.\n\nLeave a Reply\n\nShare this';
const TARGET = 'শিরোনাম\n\nশিরোনাম\n\nশহরে ১০টি গ্রন্থাগার আছে।\n\nউত্তর দিন\n\nশেয়ার করুন';

async function article() {
  const doc = await server.createDocument({ source: SOURCE, target: TARGET });
  const path = (rest: string) => `/api/documents/${doc.id}${rest}`;
  const read = async () => (await server.api('GET', path(''), undefined, doc.tokens.viewer)).body.segments as Array<{ id: string; target: string; omitted: boolean }>;
  const segments = await read();
  const omit = (id: string, omitted: unknown, token = doc.tokens.editor) => server.api('PUT', path(`/segments/${id}/omitted`), { omitted }, token);
  const download = (format: string) => fetch(`${server.url}${path(`/export?format=${format}`)}&token=${doc.tokens.viewer}`);
  return { ...doc, path, read, segments, omit, download };
}

describe('omitted segments', () => {
  it('SPEC 11.9 editors omit and restore a segment, live for everyone; reviewers, viewers and the admin cannot', async () => {
    const a = await article();
    const [, duplicate] = a.segments;
    const watcher = connectProvider(server.wsUrl, `${a.id}/review`, { token: a.tokens.viewer });
    await eventually(() => expect(watcher.provider.synced).toBe(true));
    expect((await a.omit(duplicate.id, true, a.tokens.reviewer)).status).toBe(403);
    expect((await a.omit(duplicate.id, true, a.tokens.viewer)).status).toBe(403);
    expect((await a.omit(duplicate.id, true, server.adminToken)).status).toBe(403);
    expect((await a.omit('nosuchsegment', true)).status).toBe(404);
    const bad = await a.omit(duplicate.id, 'yes');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBeTruthy();

    const omitted = await a.omit(duplicate.id, true);
    expect(omitted.status).toBe(200);
    expect(omitted.body).toMatchObject({ segmentId: duplicate.id, omitted: true, by: 'Editor' });
    expect((await a.read()).map((s) => s.omitted)).toEqual([false, true, false, false, false]);
    const live = watcher.doc.getMap(ReviewRoom.omitted);
    await eventually(() => expect([...live.keys()]).toEqual([duplicate.id]));

    // Restoring brings it back; its text and status never changed.
    expect((await a.omit(duplicate.id, false)).body).toEqual({ segmentId: duplicate.id, omitted: false });
    expect((await a.read())[1]).toMatchObject({ target: 'শিরোনাম', omitted: false });
    await eventually(() => expect(live.size).toBe(0));
    watcher.destroy();
  });

  it('SPEC 11.9 SPEC 12.4 SPEC 14.17 an omitted segment raises no QA issue and is counted in no export header', async () => {
    const a = await article();
    const [, duplicate, body, boilerplate, caption] = a.segments;
    // A duplicate (warning) and an empty target (error); a suggestion and a thread on the boilerplate.
    const editor = a.tokens.editor;
    await server.api('POST', a.path('/suggestions'), { segmentId: boilerplate.id, find: 'উত্তর', text: 'জবাব' }, editor);
    await server.api('POST', a.path('/comments'), { segmentId: boilerplate.id, text: 'Boilerplate?' }, editor);
    await server.api('POST', a.path('/suggestions'), { segmentId: body.id, start: 0, end: 0, text: 'আজ ' }, editor);
    // The caption emptied: an empty target.
    const emptied = await server.api('POST', a.path('/suggestions'), { segmentId: caption.id, start: 0, end: caption.target.length, text: '' }, editor);
    expect((await server.api('POST', a.path(`/suggestions/${emptied.body.id}/accept`), undefined, editor)).status).toBe(200);
    const checks = async () => ((await server.api('GET', a.path('/qa'), undefined, a.tokens.viewer)).body.issues as Array<{ segmentId: string; check: string }>);
    expect((await checks()).some((i) => i.segmentId === duplicate.id && i.check === 'duplicate')).toBe(true);
    expect((await checks()).some((i) => i.segmentId === caption.id && i.check === 'empty')).toBe(true);
    const before = await a.download('txt');
    expect(before.headers.get('x-tandem-qa-errors')).toBe('1');
    expect(before.headers.get('x-tandem-open-suggestions')).toBe('2');
    expect(before.headers.get('x-tandem-open-threads')).toBe('1');

    await a.omit(duplicate.id, true);
    await a.omit(boilerplate.id, true);
    await a.omit(caption.id, true);
    expect((await checks()).filter((i) => [duplicate.id, boilerplate.id, caption.id].includes(i.segmentId))).toEqual([]);
    const after = await a.download('txt');
    expect(after.headers.get('x-tandem-qa-errors')).toBe('0');
    expect(after.headers.get('x-tandem-open-suggestions')).toBe('1');
    expect(after.headers.get('x-tandem-open-threads')).toBe('0');
  });

  it('SPEC 11.9 every export leaves an omitted segment out', async () => {
    const a = await article();
    const [, duplicate, , boilerplate] = a.segments;
    await a.omit(duplicate.id, true);
    await a.omit(boilerplate.id, true);
    expect(await (await a.download('txt')).text()).toBe('শিরোনাম\n\nশহরে ১০টি গ্রন্থাগার আছে।\n\nশেয়ার করুন');
    expect(await (await a.download('md')).text()).toBe('# শিরোনাম\n\nশহরে ১০টি গ্রন্থাগার আছে।\n\nশেয়ার করুন');
    const html = await (await a.download('html')).text();
    expect(html.match(/শিরোনাম/g)).toHaveLength(2); // the <title> and the <h1>
    expect(html).not.toContain('উত্তর দিন');
    const json = await (await a.download('json')).json();
    expect(json.segments.map((s: { id: string }) => s.id)).toEqual([a.segments[0].id, a.segments[2].id, a.segments[4].id]);
    const docx = await JSZip.loadAsync(await (await a.download('docx')).arrayBuffer());
    const word = await docx.file('word/document.xml')!.async('string');
    expect(word.match(/শিরোনাম/g)).toHaveLength(1);
    expect(word).not.toContain('উত্তর দিন');
  });

  it('SPEC 12.12 XLIFF marks an omitted unit translate="no" and reads it back omitted', async () => {
    const a = await article();
    const [, duplicate] = a.segments;
    await a.omit(duplicate.id, true);
    const xliff = await (await a.download('xliff')).text();
    expect(xliff).toContain(`<unit id="${duplicate.id}" translate="no">`);
    expect(xliff.match(/translate="no"/g)).toHaveLength(1);
    const back = await server.api('POST', '/api/documents', { format: 'xliff', content: xliff });
    expect(back.status).toBe(201);
    const segments = (await server.api('GET', `/api/documents/${back.body.id}`, undefined, back.body.tokens.viewer)).body.segments;
    expect(segments.map((s: { id: string; omitted: boolean }) => [s.id, s.omitted])).toEqual(a.segments.map((s) => [s.id, s.id === duplicate.id]));
  });

  it('SPEC 11.9 SPEC 11.10 SPEC 11.11 both halves of an omitted segment stay omitted; a merge keeps it only when both were', async () => {
    const a = await article();
    const [, duplicate, body] = a.segments;
    await a.omit(body.id, true);
    const at = body.target.indexOf('১০টি');
    expect((await server.api('POST', a.path(`/segments/${body.id}/split`), { at }, a.tokens.editor)).status).toBe(200);
    expect((await a.read()).map((s) => s.omitted)).toEqual([false, false, true, true, false, false]);
    await server.api('POST', a.path(`/segments/${body.id}/merge`), undefined, a.tokens.editor);
    expect((await a.read()).map((s) => s.omitted)).toEqual([false, false, true, false, false]);
    await server.api('POST', a.path(`/segments/${duplicate.id}/merge`), undefined, a.tokens.editor);
    expect((await a.read()).map((s) => s.omitted)).toEqual([false, false, false, false]);
  });
});
