// Repetitions (SPEC 18.20–18.23) through HTTP and stock y-websocket clients: confirming a segment
// fills the drafts that share its source, never a confirmed or edited one; the article's switch;
// filling on request; roles; and typing that meets a fill.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { eventually } from '../helpers/eventually.js';
import { connectProvider } from '../helpers/clients.js';
import { typeInSegment } from '../helpers/segment-typing.js';
import { editContent } from '../helpers/content-doc.js';
import { $getSegments, $getSegmentText } from '../../shared/article.js';
import type { SegmentNode } from '../../shared/nodes/index.js';
import { $selectRange } from '../../shared/ranges.js';
import { mapSegment, segmentTypes } from '../../shared/review/text-map.js';
import { repetitionFillsOf } from '../../shared/review/repetitions.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

type Segment = { id: string; target: string; status: string };
type Thread = { segmentId: string; author: string; resolved: boolean; comments: Array<{ text: string }> };

const SAID = 'The White House said in a statement.';
const SAID_BN = 'হোয়াইট হাউস এক বিবৃতিতে বলেছে।';

async function article(source: string, target: string) {
  const doc = await server.createDocument({ source, target });
  const path = (rest = '') => `/api/documents/${doc.id}${rest}`;
  const segments = async () => (await server.api('GET', path(), undefined, doc.tokens.viewer)).body.segments as Segment[];
  const targets = async () => (await segments()).map((segment) => segment.target);
  const confirm = (segmentId: string, status = 'translated', token = doc.tokens.editor) => server.api('PUT', path(`/segments/${segmentId}/status`), { status }, token);
  const propagate = (segmentId: string, token = doc.tokens.editor) => server.api('POST', path(`/segments/${segmentId}/propagate`), undefined, token);
  const settings = (body: unknown, token = doc.tokens.editor) => server.api('PATCH', path(), body, token);
  const threads = async () => (await server.api('GET', path('/comments'), undefined, doc.tokens.viewer)).body.threads as Thread[];
  const editor = () => connectProvider(server.wsUrl, doc.id, { token: doc.tokens.editor, name: 'Mita' });
  return { ...doc, path, segments, targets, confirm, propagate, settings, threads, editor };
}

const textsOf = (doc: Y.Doc) => segmentTypes(doc).map((type) => mapSegment(type).text);

/** Types at the start of a segment through Lexical, as the desk does (an empty one included). */
const typeAtStart = (doc: Y.Doc, index: number, text: string) =>
  editContent(doc, () => {
    $selectRange($getSegments()[index], 0, 0)?.insertText(text);
  });

describe('repetitions', () => {
  it('SPEC 18.21 confirming a segment fills its untouched draft repetitions, live, as drafts marked by a thread; never a confirmed, edited or omitted one', async () => {
    const a = await article(
      `${SAID}\n\nFloods in the north.\n\nthe  White House said in a STATEMENT.\n\n${SAID}\n\n${SAID}\n\n${SAID}`,
      `${SAID_BN}\n\nউত্তরে বন্যা।\n\nযন্ত্রের খসড়া।\n\nআগের অনুবাদ।\n\nসম্পাদিত খসড়া।\n\nবাদ দেওয়া।`,
    );
    const [said, floods, untouched, confirmed, edited, omitted] = await a.segments();
    const watcher = a.editor();
    try {
      await eventually(() => expect(watcher.provider.synced).toBe(true));
      // A person edits one draft; an editor omits another.
      typeInSegment(watcher.doc, 4, ' এবং আরও');
      await eventually(async () => expect((await a.targets())[4]).toBe('সম্পাদিত খসড়া। এবং আরও'));
      expect((await server.api('PUT', a.path(`/segments/${omitted.id}/omitted`), { omitted: true }, a.tokens.editor)).status).toBe(200);

      // Confirming one fills the untouched drafts with the same source (case and spaces aside).
      const first = await a.confirm(confirmed.id);
      expect(first.status).toBe(200);
      expect(first.body.propagated).toEqual([said.id, untouched.id]);
      // Its text changes and it is confirmed again: what the fill left untouched is filled again.
      typeInSegment(watcher.doc, 3, ' নতুন');
      await eventually(async () => expect((await a.targets())[3]).toBe('আগের অনুবাদ। নতুন'));
      const second = await a.confirm(confirmed.id, 'reviewed');
      expect(second.body).toMatchObject({ segmentId: confirmed.id, state: 'reviewed', propagated: [said.id, untouched.id] });

      const segments = await a.segments();
      const fresh = 'আগের অনুবাদ। নতুন';
      expect(segments.map((s) => s.target)).toEqual([fresh, 'উত্তরে বন্যা।', fresh, fresh, 'সম্পাদিত খসড়া। এবং আরও', 'বাদ দেওয়া।']);
      expect(segments.map((s) => s.status)).toEqual(['draft', 'draft', 'draft', 'reviewed', 'draft', 'draft']);
      // Other editors see the fill live.
      await eventually(() => expect(textsOf(watcher.doc)[2]).toBe(fresh));

      // One open thread per filled segment says whose repetition it is (the first fill's replaced).
      const markers = (await a.threads()).filter((t) => t.author === 'Repetitions');
      expect(markers.map((t) => [t.segmentId, t.resolved]).sort()).toEqual([[said.id, false], [untouched.id, false]].sort());
      expect(markers[0].comments[0].text).toBe('Repetition of segment 4: filled in from its translation, reviewed by Editor. Check it before confirming it.');
      // A confirmed repetition is not filled either: confirming a filled one fills nothing more.
      expect((await a.confirm(said.id, 'approved')).body.propagated).toEqual([]);
      expect((await a.targets())[1]).toBe('উত্তরে বন্যা।');
      expect(floods.status).toBe('draft');
      expect(edited.id).not.toBe(omitted.id);
    } finally {
      watcher.destroy();
    }
  });

  it('SPEC 18.21 an empty repetition is filled too', async () => {
    const a = await article(`${SAID}\n\n${SAID}`, '\n\n');
    const [said, again] = await a.segments();
    const typist = a.editor();
    try {
      await eventually(() => expect(typist.provider.synced).toBe(true));
      typeAtStart(typist.doc, 0, SAID_BN);
      await eventually(async () => expect(await a.targets()).toEqual([SAID_BN, '']));
      expect((await a.confirm(said.id)).body.propagated).toEqual([again.id]);
      expect(await a.targets()).toEqual([SAID_BN, SAID_BN]);
      await eventually(() => expect(textsOf(typist.doc)).toEqual([SAID_BN, SAID_BN]));
    } finally {
      typist.destroy();
    }
  });

  it('SPEC 18.20 an editor turns propagation off and on; confirming then fills nothing; reviewers and viewers may not change it', async () => {
    const a = await article(`${SAID}\n\n${SAID}`, `${SAID_BN}\n\nযন্ত্রের খসড়া।`);
    const [said, again] = await a.segments();
    expect((await server.api('GET', a.path(), undefined, a.tokens.viewer)).body.propagateRepetitions).toBe(true);

    expect((await a.settings({ propagateRepetitions: false }, a.tokens.reviewer)).status).toBe(403);
    expect((await a.settings({ propagateRepetitions: false }, a.tokens.viewer)).status).toBe(403);
    const bad = await a.settings({ propagateRepetitions: 'no' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBeTruthy();
    expect((await a.settings({ propagateRepetitions: false, other: 1 })).status).toBe(400);
    // Another article's token is refused; the admin acts on no article (SPEC 8.2).
    expect((await server.api('PATCH', '/api/documents/nosuchdoc1', { propagateRepetitions: false }, a.tokens.editor)).status).toBe(401);
    expect((await server.api('PATCH', a.path(), { propagateRepetitions: false })).status).toBe(403);

    const off = await a.settings({ propagateRepetitions: false });
    expect(off).toMatchObject({ status: 200, body: { id: a.id, propagateRepetitions: false } });
    expect((await server.api('GET', a.path(), undefined, a.tokens.viewer)).body.propagateRepetitions).toBe(false);
    const confirmed = await a.confirm(said.id);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.propagated).toBeUndefined();
    expect(await a.targets()).toEqual([SAID_BN, 'যন্ত্রের খসড়া।']);

    // Nobody turns it on through the review room: only the server writes there (SPEC 11.8).
    const sneak = connectProvider(server.wsUrl, `${a.id}/review`, { token: a.tokens.editor });
    try {
      await eventually(() => expect(sneak.provider.synced).toBe(true));
      sneak.doc.getMap('settings').set('propagateRepetitions', true);
      await eventually(() => expect(sneak.closes.map((c) => c.code)).toContain(4403));
      expect((await server.api('GET', a.path(), undefined, a.tokens.viewer)).body.propagateRepetitions).toBe(false);
    } finally {
      sneak.destroy();
    }

    // On again: the next confirmation fills, a reviewer's too.
    await a.settings({ propagateRepetitions: true });
    expect((await a.confirm(said.id, 'reviewed', a.tokens.reviewer)).body.propagated).toEqual([again.id]);
    expect(await a.targets()).toEqual([SAID_BN, SAID_BN]);
  });

  it('SPEC 18.22 with propagation off an editor fills the repetitions on request; other roles 403, an unknown segment 404, a draft 409', async () => {
    const a = await article(`${SAID}\n\nFloods.\n\n${SAID}`, `${SAID_BN}\n\nবন্যা।\n\nযন্ত্রের খসড়া।`);
    const [said, floods, again] = await a.segments();
    await a.settings({ propagateRepetitions: false });

    const draft = await a.propagate(said.id);
    expect(draft.status).toBe(409);
    expect(draft.body.error.code).toBe('not_confirmed');
    await a.confirm(said.id);
    expect((await a.propagate(said.id, a.tokens.reviewer)).status).toBe(403);
    expect((await a.propagate(said.id, a.tokens.viewer)).status).toBe(403);
    const missing = await a.propagate('nosuchsegment');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    expect(await a.targets()).toEqual([SAID_BN, 'বন্যা।', 'যন্ত্রের খসড়া।']);

    const filled = await a.propagate(said.id);
    expect(filled).toMatchObject({ status: 200, body: { segmentId: said.id, filled: [again.id] } });
    expect(await a.targets()).toEqual([SAID_BN, 'বন্যা।', SAID_BN]);
    // A segment without repetitions fills nothing.
    await a.confirm(floods.id);
    expect((await a.propagate(floods.id)).body).toEqual({ segmentId: floods.id, filled: [] });
  });

  it('SPEC 18.23 typing that reached the server before the confirmation keeps its segment from being filled', async () => {
    const a = await article(`${SAID}\n\n${SAID}`, `${SAID_BN}\n\nযন্ত্রের খসড়া।`);
    const [said] = await a.segments();
    const typist = a.editor();
    try {
      await eventually(() => expect(typist.provider.synced).toBe(true));
      typeInSegment(typist.doc, 1, ' সবে');
      await eventually(async () => expect((await a.targets())[1]).toBe('যন্ত্রের খসড়া। সবে'));
      // Its note of who changed it is not written yet (once a second): the fill reads it anyway.
      expect((await a.confirm(said.id)).body.propagated).toEqual([]);
      expect(await a.targets()).toEqual([SAID_BN, 'যন্ত্রের খসড়া। সবে']);
    } finally {
      typist.destroy();
    }
  });

  it('SPEC 18.23 typing from a page that had not seen the fill wins: the segment holds that page\'s text, its marker goes', async () => {
    const a = await article(`${SAID}\n\n${SAID}`, `${SAID_BN}\n\nযন্ত্রের খসড়া।`);
    const [said, again] = await a.segments();
    const typist = a.editor();
    const watcher = a.editor();
    const review = connectProvider(server.wsUrl, `${a.id}/review`, { token: a.tokens.viewer });
    try {
      await eventually(() => expect(typist.provider.synced && watcher.provider.synced && review.provider.synced).toBe(true));
      typist.provider.disconnect();
      typeInSegment(typist.doc, 1, ' অফলাইনে লেখা');

      expect((await a.confirm(said.id)).body.propagated).toEqual([again.id]);
      await eventually(() => expect(textsOf(watcher.doc)[1]).toBe(SAID_BN));
      await eventually(() => expect(repetitionFillsOf(review.doc).has(again.id)).toBe(true));

      typist.provider.connect();
      await eventually(async () => expect(await a.targets()).toEqual([SAID_BN, 'যন্ত্রের খসড়া। অফলাইনে লেখা']));
      await eventually(() => expect(textsOf(watcher.doc)[1]).toBe('যন্ত্রের খসড়া। অফলাইনে লেখা'));
      await eventually(() => expect(textsOf(typist.doc)[1]).toBe('যন্ত্রের খসড়া। অফলাইনে লেখা'));
      await eventually(() => expect(repetitionFillsOf(review.doc).has(again.id)).toBe(false));
      expect((await a.threads()).filter((t) => t.author === 'Repetitions')).toEqual([]);
      // The typist is who changed it last, so the next confirmation leaves it alone too.
      await eventually(async () => expect((await a.segments())[1]).toMatchObject({ changedBy: 'Mita' }), { timeout: 5000 });
      expect((await a.confirm(said.id, 'reviewed')).body.propagated).toEqual([]);
    } finally {
      typist.destroy();
      watcher.destroy();
      review.destroy();
    }
  });

  it('SPEC 18.23 typing into an empty repetition from a page that had not seen the fill wins too', async () => {
    const a = await article(`${SAID}\n\n${SAID}`, '\n\n');
    const [said, again] = await a.segments();
    const typist = a.editor();
    try {
      await eventually(() => expect(typist.provider.synced).toBe(true));
      typeAtStart(typist.doc, 0, SAID_BN);
      await eventually(async () => expect(await a.targets()).toEqual([SAID_BN, '']));
      typist.provider.disconnect();
      typeAtStart(typist.doc, 1, 'নিজের অনুবাদ');
      expect((await a.confirm(said.id)).body.propagated).toEqual([again.id]);
      expect(await a.targets()).toEqual([SAID_BN, SAID_BN]);
      typist.provider.connect();
      await eventually(async () => expect(await a.targets()).toEqual([SAID_BN, 'নিজের অনুবাদ']));
      await eventually(() => expect(textsOf(typist.doc)[1]).toBe('নিজের অনুবাদ'));
    } finally {
      typist.destroy();
    }
  });

  it('SPEC 18.21 a repetition whose translation runs over several paragraphs is left alone', async () => {
    // A draft of two paragraphs paired with one source paragraph: a fill would remove the second.
    const doc = await server.createDocument({
      source: `${SAID}\n\n${SAID}`,
      target: `${SAID_BN}\n\nখসড়া এক\n\nখসড়া দুই`,
      align: [{ source: [0], target: [0] }, { source: [1], target: [1, 2] }],
    });
    const path = (rest = '') => `/api/documents/${doc.id}${rest}`;
    const targets = async () => ((await server.api('GET', path(), undefined, doc.tokens.viewer)).body.segments as Segment[]).map((s) => s.target);
    const [said] = (await server.api('GET', path(), undefined, doc.tokens.viewer)).body.segments as Segment[];
    expect(await targets()).toEqual([SAID_BN, 'খসড়া এক\nখসড়া দুই']);
    const confirmed = await server.api('PUT', path(`/segments/${said.id}/status`), { status: 'translated' }, doc.tokens.editor);
    expect(confirmed.body.propagated).toEqual([]);
    expect(await targets()).toEqual([SAID_BN, 'খসড়া এক\nখসড়া দুই']);
  });

  it('SPEC 18.23 a new paragraph from a page that had the fill keeps it', async () => {
    const a = await article(`${SAID}\n\n${SAID}`, `${SAID_BN}\n\nযন্ত্রের খসড়া।`);
    const [said, again] = await a.segments();
    const typist = a.editor();
    try {
      await eventually(() => expect(typist.provider.synced).toBe(true));
      expect((await a.confirm(said.id)).body.propagated).toEqual([again.id]);
      await eventually(() => expect(textsOf(typist.doc)[1]).toBe(SAID_BN));
      editContent(typist.doc, () => {
        const segment: SegmentNode = $getSegments()[1];
        const end = $getSegmentText(segment).length;
        const selection = $selectRange(segment, end, end)!;
        selection.insertParagraph();
        selection.insertText('নতুন');
      });
      await eventually(async () => expect((await a.targets())[1]).toBe(`${SAID_BN}\nনতুন`));
      typeInSegment(typist.doc, 1, '!');
      await eventually(async () => expect((await a.targets())[1]).toBe(`${SAID_BN}\nনতুন!`));
      expect((await a.threads()).filter((t) => t.author === 'Repetitions')).toHaveLength(1);
    } finally {
      typist.destroy();
    }
  });

  it('SPEC 18.23 typing from a page that had the fill is kept with it', async () => {
    const a = await article(`${SAID}\n\n${SAID}`, `${SAID_BN}\n\nযন্ত্রের খসড়া।`);
    const [said, again] = await a.segments();
    const typist = a.editor();
    try {
      await eventually(() => expect(typist.provider.synced).toBe(true));
      expect((await a.confirm(said.id)).body.propagated).toEqual([again.id]);
      await eventually(() => expect(textsOf(typist.doc)[1]).toBe(SAID_BN));
      typeInSegment(typist.doc, 1, ' ঠিক আছে');
      await eventually(async () => expect((await a.targets())[1]).toBe(`${SAID_BN} ঠিক আছে`));
      // Nothing undoes it later.
      typeInSegment(typist.doc, 1, '!');
      await eventually(async () => expect((await a.targets())[1]).toBe(`${SAID_BN} ঠিক আছে!`));
      expect((await a.threads()).filter((t) => t.author === 'Repetitions')).toHaveLength(1);
    } finally {
      typist.destroy();
    }
  });
});
