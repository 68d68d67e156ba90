// A segment's own history over the API (SPEC 16.15): its text at each version where it changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectProvider } from '../helpers/clients.js';
import { eventually } from '../helpers/eventually.js';
import { typeInSegment } from '../helpers/segment-typing.js';
import { openArticle } from '../../shared/headless.js';
import { $getSegments } from '../../shared/article.js';
import { $selectRange } from '../../shared/ranges.js';
import { ReviewRoom, roomName } from '../../shared/schema.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

const TARGET = 'শিরোনাম\n\nমার্ক বেনিফ বলেন।\n\nশেষ অনুচ্ছেদ।';

describe('a segment’s history (API)', () => {
  it('SPEC 16.15 lists the segment’s text at each version where it changed, newest first, with who changed it; any role; unknown → 404', async () => {
    const doc = await server.createDocument({ target: TARGET, source: 'Title\n\nMarc Benioff said.\n\nLast.' });
    const path = (rest = '') => `/api/documents/${doc.id}${rest}`;
    const asha = (await server.api('POST', path('/session'), { name: 'Asha' }, doc.tokens.editor)).body.token as string;
    const segments = (await server.api('GET', path(), undefined, doc.tokens.viewer)).body.segments as Array<{ id: string; target: string }>;

    // Asha's stock client respells a word of segment 2; a named version is saved after it.
    const c = connectProvider(server.wsUrl, doc.id, { token: asha });
    await eventually(() => expect(c.provider.synced).toBe(true));
    const headless = openArticle(Y.encodeStateAsUpdate(c.doc));
    const update = headless.update(() => {
      const segment = $getSegments()[1];
      const start = segment.getTextContent().indexOf('বেনিফ');
      $selectRange(segment, start, start + 'বেনিফ'.length)!.insertText('বেনিওফ');
    });
    headless.dispose();
    Y.applyUpdate(c.doc, update);
    await eventually(async () => {
      const now = (await server.api('GET', path(), undefined, doc.tokens.viewer)).body.segments as Array<{ target: string; changedBy: string | null }>;
      expect(now[1]).toMatchObject({ target: 'মার্ক বেনিওফ বলেন।', changedBy: 'Asha' });
    });
    c.destroy();
    // The note of who changed it reaches the review room within a second (SPEC 16.9), or as a
    // version is saved (SPEC 16.17).
    const review = connectProvider(server.wsUrl, roomName(doc.id, 'review'), { token: doc.tokens.viewer });
    await eventually(() => expect(review.doc.getMap<{ by: string }>(ReviewRoom.changed).get(segments[1].id)?.by).toBe('Asha'));
    review.destroy();
    expect((await server.api('POST', path('/versions'), { name: 'Respelled' }, asha)).status).toBe(201);
    expect((await server.api('POST', path('/versions'), { name: 'Unchanged since' }, asha)).status).toBe(201);

    for (const token of [doc.tokens.viewer, doc.tokens.reviewer, asha]) {
      const res = await server.api('GET', path(`/segments/${segments[1].id}/history`), undefined, token);
      expect(res.status).toBe(200);
      expect(res.body.versions.map((v: { version: { name: string }; text: string; changedBy: string | null }) => [v.version.name, v.text, v.changedBy])).toEqual([
        ['Respelled', 'মার্ক বেনিওফ বলেন।', 'Asha'],
        ['Draft', 'মার্ক বেনিফ বলেন।', null],
      ]);
    }
    // A segment no one changed has one entry, the draft.
    const first = await server.api('GET', path(`/segments/${segments[0].id}/history`), undefined, doc.tokens.viewer);
    expect(first.body.versions.map((v: { version: { name: string } }) => v.version.name)).toEqual(['Draft']);
    expect((await server.api('GET', path('/segments/nope/history'), undefined, doc.tokens.viewer)).status).toBe(404);
    expect((await server.api('GET', path(`/segments/${segments[0].id}/history`), undefined, 'not-a-token')).status).toBe(401);
  });

  it('SPEC 16.17 a version saved right after an edit, by an editor or before a restore, names who made it', async () => {
    const doc = await server.createDocument({ target: TARGET, source: 'Title\n\nMarc Benioff said.\n\nLast.' });
    const path = (rest = '') => `/api/documents/${doc.id}${rest}`;
    const personal = async (name: string) => (await server.api('POST', path('/session'), { name }, doc.tokens.editor)).body.token as string;
    const [asha, bina] = [await personal('Asha'), await personal('Bina')];
    const read = async () => (await server.api('GET', path(), undefined, doc.tokens.viewer)).body.segments as Array<{ id: string; target: string }>;
    const segments = await read();
    const history = async (segment: number) =>
      ((await server.api('GET', path(`/segments/${segments[segment].id}/history`), undefined, doc.tokens.viewer)).body.versions as Array<{ version: { name: string }; changedBy: string | null }>).map(
        (v) => [v.version.name, v.changedBy],
      );
    /** Types in a segment through a stock client and waits until the server has the text (its note is pending). */
    const typeAs = async (token: string, segment: number, text: string) => {
      const c = connectProvider(server.wsUrl, doc.id, { token });
      await eventually(() => expect(c.provider.synced).toBe(true));
      typeInSegment(c.doc, segment, text);
      await eventually(async () => expect((await read())[segment].target).toBe(segments[segment].target + text));
      c.destroy();
    };

    await typeAs(asha, 1, ' আরও');
    expect((await server.api('POST', path('/versions'), { name: 'Right after' }, bina)).status).toBe(201);
    expect(await history(1)).toEqual([['Right after', 'Asha'], ['Draft', null]]);

    await typeAs(bina, 2, ' শেষে');
    const draft = (await server.api('GET', path('/versions'), undefined, doc.tokens.viewer)).body.versions.find((v: { name: string }) => v.name === 'Draft');
    expect((await server.api('POST', path(`/versions/${draft.id}/restore`), { segmentId: segments[1].id }, asha)).status).toBe(200);
    expect(await history(2)).toEqual([['Before restoring Draft', 'Bina'], ['Draft', null]]);
  });
});
