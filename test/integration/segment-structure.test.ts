// Splitting and merging segments through the API (SPEC 11.10–11.12): the content room's segments
// and the review room's records change together, live for every client; suggestions, threads and
// ignored QA issues stay on their text; an editor typing in another segment meanwhile loses nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectProvider } from '../helpers/clients.js';
import { eventually } from '../helpers/eventually.js';
import { openArticle } from '../../shared/headless.js';
import { $getSegments, $readSegments } from '../../shared/article.js';
import { $selectRange } from '../../shared/ranges.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

const SOURCE = 'Title\n\nSorry, we got 10 books. They came late.\n\nLast paragraph.';
const TARGET = 'শিরোনাম\n\nদুঃখিত, আমরা ১০টি বই পেয়েছি। বইগুলো দেরিতে এল।\n\nশেষ অনুচ্ছেদ।';
const SECOND_SENTENCE = 'বইগুলো দেরিতে এল।';

async function article(input: Record<string, unknown> = {}) {
  const doc = await server.createDocument({ source: SOURCE, target: TARGET, ...input });
  const path = (rest: string) => `/api/documents/${doc.id}${rest}`;
  const read = async () => (await server.api('GET', path(''), undefined, doc.tokens.viewer)).body.segments as Array<{ id: string; source: string | null; target: string; status: string; omitted: boolean }>;
  const segments = await read();
  const personal = async (role: 'editor' | 'reviewer', name: string) => (await server.api('POST', path('/session'), { name }, doc.tokens[role])).body.token as string;
  return { ...doc, segments, read, path, personal };
}

/** Types into a segment through a stock provider's doc, as an editor's browser would, without waiting. */
function typeInto(doc: Y.Doc, segment: number, at: number, text: string): void {
  const headless = openArticle(Y.encodeStateAsUpdate(doc));
  const diff = headless.update(() => $selectRange($getSegments()[segment], at, at)!.insertText(text));
  headless.dispose();
  Y.applyUpdate(doc, diff);
}

const textsOf = (doc: Y.Doc) => {
  const headless = openArticle(Y.encodeStateAsUpdate(doc));
  try {
    return headless.read($readSegments).map((s) => s.text);
  } finally {
    headless.dispose();
  }
};

describe('split and merge', () => {
  it('SPEC 11.10 a split keeps the first half under its id, gives the second a new one, and splits the source where asked', async () => {
    const a = await article();
    const seg = a.segments[1];
    const at = seg.target.indexOf(SECOND_SENTENCE);
    const sourceAt = SOURCE.split('\n\n')[1].indexOf('They');
    const split = await server.api('POST', a.path(`/segments/${seg.id}/split`), { at, sourceAt }, a.tokens.editor);
    expect(split.status).toBe(200);
    const segments = await a.read();
    expect(segments.map((s) => s.target)).toEqual(['শিরোনাম', 'দুঃখিত, আমরা ১০টি বই পেয়েছি।', SECOND_SENTENCE, 'শেষ অনুচ্ছেদ।']);
    expect(segments.map((s) => s.source)).toEqual(['Title', 'Sorry, we got 10 books.', 'They came late.', 'Last paragraph.']);
    expect(segments[1].id).toBe(seg.id);
    expect(segments[2].id).toMatch(/^[a-z0-9]{6,32}$/);
    expect(split.body.segments.map((s: { id: string }) => s.id)).toEqual([seg.id, segments[2].id]);
    // The document record follows: the list counts four segments.
    const list = await server.api('GET', '/api/documents');
    expect(list.body.documents.find((d: { id: string }) => d.id === a.id).segmentCount).toBe(4);

    // Without sourceAt the source stays whole with the first half.
    const whole = await server.api('POST', a.path(`/segments/${seg.id}/split`), { at: 'দুঃখিত,'.length }, a.tokens.editor);
    expect(whole.status).toBe(200);
    const after = await a.read();
    expect(after.slice(1, 3).map((s) => [s.source, s.target])).toEqual([
      ['Sorry, we got 10 books.', 'দুঃখিত,'],
      [null, 'আমরা ১০টি বই পেয়েছি।'],
    ]);
  });

  it('SPEC 11.10 only editors split; an unknown segment → 404; an offset outside, inside a character or leaving a half empty → 400', async () => {
    const a = await article();
    const seg = a.segments[1];
    const split = (body: unknown, token = a.tokens.editor, id = seg.id) => server.api('POST', a.path(`/segments/${id}/split`), body, token);
    expect((await split({ at: 3 }, a.tokens.reviewer)).status).toBe(403);
    expect((await split({ at: 3 }, a.tokens.viewer)).status).toBe(403);
    expect((await split({ at: 3 }, server.adminToken)).status).toBe(403);
    expect((await split({ at: 3 }, a.tokens.editor, 'nosuchsegment')).status).toBe(404);
    expect((await split({ at: -1 })).status).toBe(400);
    expect((await split({ at: 'x' })).status).toBe(400);
    expect((await split({ at: seg.target.length + 1 })).body.error.code).toBe('bad_range');
    // "দুঃখিত" starts with দু (দ + ু): offset 1 splits it.
    expect((await split({ at: 1 })).body.error.message).toMatch(/splits a character/);
    expect((await split({ at: 3, sourceAt: 999 })).body.error.code).toBe('bad_range');
    // Nothing on one side: neither translation nor source.
    expect((await split({ at: 0 })).body.error.code).toBe('empty_half');
    expect((await split({ at: seg.target.length })).body.error.code).toBe('empty_half');
    // With the source split too, an empty translation half is fine: it has its source.
    expect((await split({ at: seg.target.length, sourceAt: 'Sorry, we got 10 books. '.length })).status).toBe(200);
    expect((await a.read()).map((s) => s.target)).toEqual(['শিরোনাম', seg.target, '', 'শেষ অনুচ্ছেদ।']);
    const noSource = await article({ source: undefined });
    const res = await server.api('POST', noSource.path(`/segments/${noSource.segments[1].id}/split`), { at: 3, sourceAt: 1 }, noSource.tokens.editor);
    expect(res.body.error.code).toBe('no_source');
    expect((await a.read()).length).toBe(4);
  });

  it('SPEC 11.11 a merge moves the next segment into this one, joins the sources and retires the next id', async () => {
    const a = await article();
    const [, second, third] = a.segments;
    const merge = (id: string, token = a.tokens.editor) => server.api('POST', a.path(`/segments/${id}/merge`), undefined, token);
    expect((await merge(second.id, a.tokens.reviewer)).status).toBe(403);
    expect((await merge('nosuchsegment')).status).toBe(404);
    expect((await merge(third.id)).body.error.code).toBe('no_next_segment');
    const merged = await merge(second.id);
    expect(merged.status).toBe(200);
    expect(merged.body.retired).toBe(third.id);
    const segments = await a.read();
    expect(segments.map((s) => s.id)).toEqual([a.segments[0].id, second.id]);
    expect(segments[1]).toMatchObject({ target: `${second.target}\n${third.target}`, source: `${second.source}\n${third.source}` });
    const list = await server.api('GET', '/api/documents');
    expect(list.body.documents.find((d: { id: string }) => d.id === a.id).segmentCount).toBe(2);
    // The next id is gone everywhere: its status, source and records.
    expect((await server.api('PUT', a.path(`/segments/${third.id}/status`), { status: 'draft' }, a.tokens.editor)).status).toBe(404);
  });

  it('SPEC 11.10 SPEC 11.11 statuses: each half keeps the status, reviewed and approved go back to translated; a merge takes the lesser', async () => {
    const a = await article();
    const [, second, third] = a.segments;
    const put = (id: string, status: string) => server.api('PUT', a.path(`/segments/${id}/status`), { status }, a.tokens.editor);
    await put(second.id, 'approved');
    await server.api('POST', a.path(`/segments/${second.id}/split`), { at: second.target.indexOf(SECOND_SENTENCE) }, a.tokens.editor);
    expect((await a.read()).map((s) => s.status)).toEqual(['draft', 'translated', 'translated', 'draft']);
    const [, first, half] = await a.read();
    await put(first.id, 'approved');
    await put(half.id, 'draft');
    await server.api('POST', a.path(`/segments/${first.id}/merge`), undefined, a.tokens.editor);
    expect((await a.read()).map((s) => s.status)).toEqual(['draft', 'draft', 'draft']);
    await put(first.id, 'translated');
    await put(third.id, 'reviewed');
    await server.api('POST', a.path(`/segments/${first.id}/merge`), undefined, a.tokens.editor);
    expect((await a.read()).map((s) => s.status)).toEqual(['draft', 'translated']);
  });

  it('SPEC 11.12 split and merge with a concurrent editor in another segment and a suggestion on the moved text', async () => {
    const a = await article();
    const seg = a.segments[1];
    const rina = await a.personal('reviewer', 'Rina');
    const moved = await server.api('POST', a.path('/suggestions'), { segmentId: seg.id, find: 'দেরিতে', text: 'সময়মতো' }, rina);
    const thread = await server.api('POST', a.path('/comments'), { segmentId: seg.id, find: 'বইগুলো', text: 'কোন বই?' }, rina);
    const stays = await server.api('POST', a.path('/suggestions'), { segmentId: seg.id, find: '১০টি', text: 'দশটি' }, rina);
    const across = await server.api('POST', a.path('/suggestions'), { segmentId: seg.id, find: 'পেয়েছি। বইগুলো', text: 'পেলাম, বই' }, rina);

    // Another editor types in the last segment while the split happens, and goes on typing after it.
    const other = connectProvider(server.wsUrl, a.id, { token: a.tokens.editor });
    const watcher = connectProvider(server.wsUrl, a.id, { token: a.tokens.viewer });
    await eventually(() => expect(other.provider.synced && watcher.provider.synced).toBe(true));
    typeInto(other.doc, 2, 0, 'আজ ');
    const split = server.api('POST', a.path(`/segments/${seg.id}/split`), { at: seg.target.indexOf(SECOND_SENTENCE) }, a.tokens.editor);
    typeInto(other.doc, 2, 3, 'সত্যিই ');
    expect((await split).status).toBe(200);
    typeInto(other.doc, 3, 0, 'শেষে ');
    const expected = ['শিরোনাম', 'দুঃখিত, আমরা ১০টি বই পেয়েছি।', SECOND_SENTENCE, 'শেষে আজ সত্যিই শেষ অনুচ্ছেদ।'];
    // Every client sees the split live, and the typing lands where it was typed.
    await eventually(() => expect(textsOf(watcher.doc)).toEqual(expected));
    await eventually(async () => expect((await a.read()).map((s) => s.target)).toEqual(expected));
    const [, first, second] = await a.read();

    // The suggestion and the thread on the moved text went with it; the one on the first half stayed.
    const suggestions = new Map((await server.api('GET', a.path('/suggestions'), undefined, rina)).body.suggestions.map((s: any) => [s.id, s]));
    expect(suggestions.get(moved.body.id)).toMatchObject({ segmentId: second.id, status: 'open', quote: { exact: 'দেরিতে' } });
    expect(suggestions.get(stays.body.id)).toMatchObject({ segmentId: first.id, status: 'open', quote: { exact: '১০টি' } });
    // One whose text the split cut in two can no longer be applied.
    expect(suggestions.get(across.body.id)).toMatchObject({ segmentId: first.id, status: 'stale' });
    const threads = (await server.api('GET', a.path('/comments'), undefined, rina)).body.threads;
    expect(threads.find((t: any) => t.id === thread.body.id)).toMatchObject({ segmentId: second.id, quote: { exact: 'বইগুলো' } });

    // Accepting the moved suggestion changes its text where it now is.
    expect((await server.api('POST', a.path(`/suggestions/${moved.body.id}/accept`), undefined, a.tokens.editor)).status).toBe(200);
    await eventually(async () => expect((await a.read())[2].target).toBe('বইগুলো সময়মতো এল।'));

    // Merged back, while the other editor types in the first segment: its records move back too.
    typeInto(other.doc, 0, 0, 'নতুন ');
    const merge = server.api('POST', a.path(`/segments/${first.id}/merge`), undefined, a.tokens.editor);
    typeInto(other.doc, 0, 5, 'খবর: ');
    expect((await merge).status).toBe(200);
    await eventually(async () =>
      expect((await a.read()).map((s) => s.target)).toEqual(['নতুন খবর: শিরোনাম', 'দুঃখিত, আমরা ১০টি বই পেয়েছি।\nবইগুলো সময়মতো এল।', expected[3]]),
    );
    await eventually(() => expect(textsOf(watcher.doc)).toEqual(textsOf(other.doc)));
    const after = (await server.api('GET', a.path('/comments'), undefined, rina)).body.threads.find((t: any) => t.id === thread.body.id);
    expect(after).toMatchObject({ segmentId: first.id, quote: { exact: 'বইগুলো' } });
    const kept = (await server.api('GET', a.path('/suggestions'), undefined, rina)).body.suggestions.find((s: any) => s.id === stays.body.id);
    expect(kept).toMatchObject({ segmentId: first.id, status: 'open' });
    other.destroy();
    watcher.destroy();
  });

  it('SPEC 11.10 SPEC 11.11 SPEC 14.16 an ignored QA issue goes with its text through a split and a merge, still ignored', async () => {
    const a = await article({
      source: 'Title\n\nSorry, we got 10 books. They came 3 days late.\n\nLast paragraph.',
      target: 'শিরোনাম\n\nদুঃখিত, আমরা ১০টি বই পেয়েছি। বইগুলো ৪ দিন দেরিতে এল।\n\nশেষ অনুচ্ছেদ।',
    });
    const seg = a.segments[1];
    const qa = async () => (await server.api('GET', a.path('/qa'), undefined, a.tokens.viewer)).body as { issues: Array<{ segmentId: string; check: string }>; ignored: Array<{ segmentId: string; message: string }> };
    const message = 'Number 3 in the source is ৪ in the translation';
    expect((await qa()).issues).toMatchObject([{ segmentId: seg.id, check: 'numbers', message }]);
    const ignored = await server.api('POST', a.path('/qa/ignored'), { segmentId: seg.id, check: 'numbers', message, text: '৪' }, a.tokens.editor);
    expect(ignored.status).toBe(201);
    const entries = async () => (await server.api('GET', a.path('/qa/ignored'), undefined, a.tokens.viewer)).body.ignored as Array<Record<string, unknown>>;

    const split = await server.api('POST', a.path(`/segments/${seg.id}/split`), { at: seg.target.indexOf('বইগুলো'), sourceAt: seg.source!.indexOf('They') }, a.tokens.editor);
    expect(split.status).toBe(200);
    const second = split.body.segments[1].id as string;
    // One entry, now of the second half (its id names the occurrence, so it is the second half's).
    expect(await entries()).toMatchObject([{ segmentId: second, check: 'numbers', message, text: '৪' }]);
    expect(await qa()).toMatchObject({ issues: [], ignored: [{ segmentId: second, message }] });

    expect((await server.api('POST', a.path(`/segments/${seg.id}/merge`), undefined, a.tokens.editor)).status).toBe(200);
    expect(await entries()).toEqual([ignored.body]);
    expect(await qa()).toMatchObject({ issues: [], ignored: [{ segmentId: seg.id, message }] });
  });

  it('SPEC 11.12 an editor typing in the text a split or a merge moves, before their page hears of it, loses nothing', async () => {
    const a = await article();
    const seg = a.segments[1];
    const other = connectProvider(server.wsUrl, a.id, { token: a.tokens.editor });
    const watcher = connectProvider(server.wsUrl, a.id, { token: a.tokens.viewer });
    await eventually(() => expect(other.provider.synced && watcher.provider.synced).toBe(true));
    const offset = (segment: number, text: string) => textsOf(other.doc)[segment].indexOf(text);
    const synced = async (expected: string[]) => {
      await eventually(async () => expect((await a.read()).map((s) => s.target)).toEqual(expected));
      await eventually(() => expect(textsOf(watcher.doc)).toEqual(expected));
      await eventually(() => expect(textsOf(other.doc)).toEqual(expected));
    };

    // Offline, so the typing reaches the server after the split: in the half that stays, and in
    // the sentence that moves, one keystroke at a time.
    other.provider.disconnect();
    typeInto(other.doc, 1, 0, 'আজ ');
    typeInto(other.doc, 1, offset(1, 'দেরিতে'), 'স');
    typeInto(other.doc, 1, offset(1, 'দেরিতে'), 'ব ');
    const split = await server.api('POST', a.path(`/segments/${seg.id}/split`), { at: seg.target.indexOf(SECOND_SENTENCE) }, a.tokens.editor);
    expect(split.status).toBe(200);
    other.provider.connect();
    const afterSplit = ['শিরোনাম', 'আজ দুঃখিত, আমরা ১০টি বই পেয়েছি।', 'বইগুলো সব দেরিতে এল।', 'শেষ অনুচ্ছেদ।'];
    await synced(afterSplit);
    // Typing on after the rescued text follows it; typing at the end of the first half, where the
    // moved text was, stays there.
    typeInto(other.doc, 2, offset(2, 'দেরিতে'), 'ই ');
    typeInto(other.doc, 1, textsOf(other.doc)[1].length, ' ঠিক');
    afterSplit[1] = 'আজ দুঃখিত, আমরা ১০টি বই পেয়েছি। ঠিক';
    afterSplit[2] = 'বইগুলো সব ই দেরিতে এল।';
    await synced(afterSplit);

    // The same for a merge: typing at the start, inside and at the end of the segment that moves.
    other.provider.disconnect();
    typeInto(other.doc, 2, 0, 'নতুন ');
    typeInto(other.doc, 2, offset(2, 'এল'), 'তবু ');
    typeInto(other.doc, 2, textsOf(other.doc)[2].length, ' হায়!');
    expect((await server.api('POST', a.path(`/segments/${seg.id}/merge`), undefined, a.tokens.editor)).status).toBe(200);
    other.provider.connect();
    await synced(['শিরোনাম', 'আজ দুঃখিত, আমরা ১০টি বই পেয়েছি। ঠিক\nনতুন বইগুলো সব ই দেরিতে তবু এল। হায়!', 'শেষ অনুচ্ছেদ।']);
    other.destroy();
    watcher.destroy();
  });
});
