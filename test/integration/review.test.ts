import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectProvider } from '../helpers/clients.js';
import { eventually } from '../helpers/eventually.js';
import { openArticle } from '../../shared/headless.js';
import { $getSegments } from '../../shared/article.js';
import { $selectRange } from '../../shared/ranges.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

const TARGET = 'শিরোনাম\n\nক্ষমা চাই, আমরা ১০টি বই পেয়েছি।\n\nশেষ অনুচ্ছেদ।';

async function article() {
  const doc = await server.createDocument({ target: TARGET, source: 'Title\n\nSorry, we got 10 books.\n\nLast paragraph.' });
  const read = await server.api('GET', `/api/documents/${doc.id}`, undefined, doc.tokens.viewer);
  const segments = read.body.segments as Array<{ id: string; target: string; status: string }>;
  // Personal tokens, as the browser gets them: each person is their own author.
  const personal = async (role: 'editor' | 'reviewer' | 'viewer', name: string) =>
    (await server.api('POST', `/api/documents/${doc.id}/session`, { name }, doc.tokens[role])).body.token as string;
  return { ...doc, segments, personal, path: (rest: string) => `/api/documents/${doc.id}${rest}` };
}

/** Types in the content room through a stock provider, as an editor's browser would. */
async function typeAsEditor(wsUrl: string, id: string, token: string, segmentIndex: number, at: number, text: string) {
  const client = connectProvider(wsUrl, id, { token });
  await eventually(() => expect(client.provider.synced).toBe(true));
  const headless = openArticle(Y.encodeStateAsUpdate(client.doc));
  const diff = headless.update(() => $selectRange($getSegments()[segmentIndex], at, at)!.insertText(text));
  headless.dispose();
  Y.applyUpdate(client.doc, diff);
  const check = connectProvider(wsUrl, id, { token });
  await eventually(() => expect(Y.encodeStateVector(check.doc)).toEqual(Y.encodeStateVector(client.doc)));
  client.destroy();
  check.destroy();
}

describe('review API', () => {
  it('SPEC 11.1 a suggestion is stamped with its author from the token and its kind follows the range', async () => {
    const a = await article();
    const rina = await a.personal('reviewer', 'Rina');
    const seg = a.segments[1];
    const replace = await server.api('POST', a.path('/suggestions'), { segmentId: seg.id, find: '১০টি', text: 'দশটি', note: 'সংখ্যা কথায়', author: 'Mallory' }, rina);
    expect(replace.status).toBe(201);
    expect(replace.body).toMatchObject({ kind: 'replace', author: 'Rina', authorRole: 'reviewer', status: 'open', quote: { exact: '১০টি' } });
    const insert = await server.api('POST', a.path('/suggestions'), { segmentId: seg.id, start: 0, end: 0, text: 'দুঃখিত, ' }, rina);
    expect(insert.body.kind).toBe('insert');
    const del = await server.api('POST', a.path('/suggestions'), { segmentId: seg.id, find: ', আমরা', text: '' }, rina);
    expect(del.body.kind).toBe('delete');
    const list = await server.api('GET', a.path('/suggestions'), undefined, a.tokens.viewer);
    expect(list.body.suggestions.map((s: any) => s.id).sort()).toEqual([replace.body.id, insert.body.id, del.body.id].sort());
  });

  it('SPEC 11.2 ranges: find with offsets, neither, out of range, or splitting a Bengali conjunct → 400', async () => {
    const a = await article();
    const seg = a.segments[1];
    const post = (body: object) => server.api('POST', a.path('/suggestions'), { segmentId: seg.id, text: 'x', ...body }, a.tokens.reviewer);
    expect((await post({ find: 'আমরা', start: 0, end: 2 })).status).toBe(400);
    expect((await post({})).status).toBe(400);
    expect((await post({ start: 0, end: 999 })).status).toBe(400);
    // "ক্ষমা" starts with the conjunct ক্ষ (three code units): offsets 1 and 2 split it.
    expect(seg.target.startsWith('ক্ষমা')).toBe(true);
    for (const end of [1, 2]) {
      const split = await post({ start: 0, end });
      expect(split.status).toBe(400);
      expect(split.body.error.message).toMatch(/splits a character/);
    }
    expect((await post({ start: 0, end: 3 })).status).toBe(201);
    expect((await post({ find: 'নেই' })).status).toBe(400);
    expect((await server.api('POST', a.path('/suggestions'), { segmentId: 'nosuch', find: 'x', text: 'y' }, a.tokens.reviewer)).status).toBe(404);
  });

  it('SPEC 11.4 accepting applies the text to the translation for everyone and records it', async () => {
    const a = await article();
    const watcher = connectProvider(server.wsUrl, a.id, { token: a.tokens.viewer });
    await eventually(() => expect(watcher.provider.synced).toBe(true));
    const made = await server.api('POST', a.path('/suggestions'), { segmentId: a.segments[1].id, find: '১০টি', text: 'দশটি' }, a.tokens.reviewer);
    const accepted = await server.api('POST', a.path(`/suggestions/${made.body.id}/accept`), undefined, await a.personal('editor', 'Ed'));
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', resolvedBy: 'Ed' });
    const exported = await server.api('GET', a.path('/export?format=txt'), undefined, a.tokens.viewer);
    expect(exported.body).toContain('আমরা দশটি বই পেয়েছি');
    await eventually(() => expect(JSON.stringify(watcher.doc.get('root', Y.XmlText).toDelta())).toContain('দশটি'));
    expect((await server.api('POST', a.path(`/suggestions/${made.body.id}/accept`), undefined, a.tokens.editor)).status).toBe(409);
    watcher.destroy();
  });

  it('SPEC 11.3 SPEC 11.4 a suggestion whose text was rewritten is stale: accepting it → 409', async () => {
    const a = await article();
    const made = await server.api('POST', a.path('/suggestions'), { segmentId: a.segments[1].id, find: 'বই', text: 'পুস্তক' }, a.tokens.reviewer);
    const at = a.segments[1].target.indexOf('বই');
    await typeAsEditor(server.wsUrl, a.id, a.tokens.editor, 1, at + 1, 'ন');
    const suggestions = await server.api('GET', a.path('/suggestions'), undefined, a.tokens.viewer);
    expect(suggestions.body.suggestions[0].status).toBe('stale');
    const accept = await server.api('POST', a.path(`/suggestions/${made.body.id}/accept`), undefined, a.tokens.editor);
    expect(accept.status).toBe(409);
    expect(accept.body.error.code).toBe('stale');
  });

  it('SPEC 11.5 reject is for editors, withdraw and edit for the author only', async () => {
    const a = await article();
    const rina = await a.personal('reviewer', 'Rina');
    const omar = await a.personal('reviewer', 'Omar');
    const made = await server.api('POST', a.path('/suggestions'), { segmentId: a.segments[2].id, find: 'শেষ', text: 'অন্তিম' }, rina);
    const sid = made.body.id;
    expect((await server.api('PATCH', a.path(`/suggestions/${sid}`), { note: 'ভালো' }, omar)).status).toBe(403);
    const edited = await server.api('PATCH', a.path(`/suggestions/${sid}`), { text: 'সর্বশেষ', note: 'ভালো' }, rina);
    expect(edited.body).toMatchObject({ text: 'সর্বশেষ', note: 'ভালো' });
    expect((await server.api('POST', a.path(`/suggestions/${sid}/reject`), undefined, rina)).status).toBe(403);
    expect((await server.api('POST', a.path(`/suggestions/${sid}/withdraw`), undefined, omar)).status).toBe(403);
    expect((await server.api('POST', a.path(`/suggestions/${sid}/withdraw`), undefined, rina)).body.status).toBe('withdrawn');
    const second = await server.api('POST', a.path('/suggestions'), { segmentId: a.segments[2].id, find: 'শেষ', text: 'অন্তিম' }, rina);
    expect((await server.api('POST', a.path(`/suggestions/${second.body.id}/reject`), undefined, a.tokens.editor)).body.status).toBe('rejected');
  });

  it('SPEC 11.4 accept-all applies every open suggestion of a segment and reports the stale', async () => {
    const a = await article();
    const seg = a.segments[1];
    const post = (find: string, text: string) => server.api('POST', a.path('/suggestions'), { segmentId: seg.id, find, text }, a.tokens.reviewer);
    await post('ক্ষমা চাই', 'দুঃখিত');
    await post('পেয়েছি', 'পেলাম');
    const other = await server.api('POST', a.path('/suggestions'), { segmentId: a.segments[2].id, find: 'শেষ', text: 'অন্তিম' }, a.tokens.reviewer);
    const result = await server.api('POST', a.path('/suggestions/accept-all'), { segmentId: seg.id }, a.tokens.editor);
    expect(result.status).toBe(200);
    expect(result.body.accepted).toHaveLength(2);
    expect(result.body.stale).toHaveLength(0);
    const doc = await server.api('GET', `/api/documents/${a.id}`, undefined, a.tokens.viewer);
    expect(doc.body.segments[1].target).toBe('দুঃখিত, আমরা ১০টি বই পেলাম।');
    const list = await server.api('GET', a.path('/suggestions'), undefined, a.tokens.viewer);
    expect(list.body.suggestions.find((s: any) => s.id === other.body.id).status).toBe('open');
  });

  it('SPEC 11.7 threads: comment, reply, resolve and reopen with the right roles', async () => {
    const a = await article();
    const rina = await a.personal('reviewer', 'Rina');
    const omar = await a.personal('reviewer', 'Omar');
    const thread = await server.api('POST', a.path('/comments'), { segmentId: a.segments[1].id, find: '১০টি', text: 'সংখ্যাটা মিলিয়ে দেখুন' }, rina);
    expect(thread.status).toBe(201);
    expect(thread.body).toMatchObject({ resolved: false, quote: { exact: '১০টি' }, comments: [{ author: 'Rina', text: 'সংখ্যাটা মিলিয়ে দেখুন' }] });
    const cid = thread.body.id;
    expect((await server.api('POST', a.path(`/comments/${cid}/replies`), { text: 'ঠিক আছে' }, omar)).status).toBe(201);
    expect((await server.api('POST', a.path(`/comments/${cid}/replies`), { text: 'x' }, a.tokens.viewer)).status).toBe(403);
    expect((await server.api('POST', a.path(`/comments/${cid}/resolve`), undefined, omar)).status).toBe(403);
    expect((await server.api('POST', a.path(`/comments/${cid}/resolve`), undefined, rina)).body.resolved).toBe(true);
    expect((await server.api('POST', a.path(`/comments/${cid}/reopen`), undefined, a.tokens.editor)).body.resolved).toBe(false);
    const whole = await server.api('POST', a.path('/comments'), { segmentId: a.segments[2].id, text: 'পুরো অনুচ্ছেদ' }, a.tokens.editor);
    expect(whole.body.quote.exact).toBe('শেষ অনুচ্ছেদ।');
    const list = await server.api('GET', a.path('/comments'), undefined, a.tokens.viewer);
    expect(list.body.threads.find((t: any) => t.id === cid).comments.map((c: any) => c.author)).toEqual(['Rina', 'Omar']);
  });

  it('SPEC 11.6 statuses: reviewers mark reviewed, editors set any; a changed approved segment goes back to translated', async () => {
    const a = await article();
    const put = (status: string, token: string, segment = a.segments[1].id) =>
      server.api('PUT', a.path(`/segments/${segment}/status`), { status }, token);
    expect((await put('reviewed', a.tokens.viewer)).status).toBe(403);
    expect((await put('approved', a.tokens.reviewer)).status).toBe(403);
    expect((await put('reviewed', a.tokens.reviewer)).body).toMatchObject({ state: 'reviewed', by: 'Reviewer' });
    expect((await put('approved', a.tokens.editor)).status).toBe(200);
    expect((await put('done', a.tokens.editor)).status).toBe(400);
    expect((await put('approved', a.tokens.editor, 'nosuch')).status).toBe(404);
    const before = await server.api('GET', `/api/documents/${a.id}`, undefined, a.tokens.viewer);
    expect(before.body.segments[1].status).toBe('approved');
    await typeAsEditor(server.wsUrl, a.id, await a.personal('editor', 'Ed'), 1, 0, 'আহা, ');
    const after = await server.api('GET', `/api/documents/${a.id}`, undefined, a.tokens.viewer);
    expect(after.body.segments[1].status).toBe('translated');
    expect(after.body.segments[0].status).toBe('draft');
  });

  it('SPEC 8.2 review writes: viewers get 403 before their body is read; the admin cannot act', async () => {
    const a = await article();
    for (const [method, rest] of [
      ['POST', '/suggestions'],
      ['POST', '/comments'],
      ['POST', '/suggestions/x/accept'],
      ['POST', '/suggestions/accept-all'],
      ['PUT', `/segments/${a.segments[0].id}/status`],
    ] as const) {
      expect((await server.api(method, a.path(rest), { junk: true }, a.tokens.viewer)).status).toBe(403);
      expect((await server.api(method, a.path(rest), { junk: true })).status).toBe(403);
    }
    expect((await server.api('POST', a.path('/suggestions/x/accept'), undefined, a.tokens.reviewer)).status).toBe(403);
    expect((await server.api('POST', a.path('/suggestions/nosuch/accept'), undefined, a.tokens.editor)).status).toBe(404);
  });

  it('SPEC 1.8 a session token keeps role and document, names its holder, and cannot rename a named token', async () => {
    const a = await article();
    const session = await server.api('POST', a.path('/session'), { name: '  Nasrin\u0000 ' }, a.tokens.reviewer);
    expect(session.status).toBe(201);
    expect(session.body).toMatchObject({ role: 'reviewer', name: 'Nasrin' });
    const named = await server.api('POST', a.path('/tokens'), { role: 'editor', name: 'Fixed' });
    const again = await server.api('POST', a.path('/session'), { name: 'Other' }, named.body.token);
    expect(again.body).toMatchObject({ role: 'editor', name: 'Fixed' });
    expect((await server.api('POST', a.path('/session'), { name: 'x' })).status).toBe(403);
  });
});
