// The version a review was made on (SPEC 16.16): recorded per segment when it is marked Reviewed or
// Approved, reused while the text is unchanged, kept when later edits send the status back.
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.js';
import { connectProvider } from '../helpers/clients.js';
import { eventually } from '../helpers/eventually.js';
import { typeInSegment } from '../helpers/segment-typing.js';

interface ReviewedIn {
  versionId: string;
  by: string;
  at: number;
}

describe('the version a review was made on', () => {
  it('SPEC 16.16 a mark records the version holding the text at that moment; marks in a row save at most one; edits after keep the record', async () => {
    const server = await startTestServer({ VERSION_IDLE_MS: '600000', VERSION_EVERY_MS: '600000' });
    const typist = { destroy: () => {} };
    const watcher = { destroy: () => {} };
    try {
      const doc = await server.createDocument();
      const path = (rest = '') => `/api/documents/${doc.id}${rest}`;
      const personal = async (role: 'editor' | 'reviewer', name: string) =>
        (await server.api('POST', path('/session'), { name }, doc.tokens[role])).body.token as string;
      const [asha, rina] = [await personal('editor', 'Asha'), await personal('reviewer', 'Rina')];
      const versions = async () => (await server.api('GET', path('/versions'), undefined, doc.tokens.viewer)).body.versions as Array<{ id: string; name: string; auto: boolean }>;
      const ids: string[] = (await server.api('GET', path(), undefined, doc.tokens.viewer)).body.segments.map((s: { id: string }) => s.id);
      const mark = (token: string, segment: number, status = 'reviewed') => server.api('PUT', path(`/segments/${ids[segment]}/status`), { status }, token);
      const changedSince = async (vid: string) =>
        ((await server.api('GET', path(`/diff?from=${vid}&to=current`), undefined, doc.tokens.viewer)).body.segments as Array<{ id: string; changed: boolean }>)
          .filter((s) => s.changed)
          .map((s) => s.id);
      // The review room as a stock client sees it.
      const review = connectProvider(server.wsUrl, `${doc.id}/review`, { token: doc.tokens.viewer });
      watcher.destroy = review.destroy;
      await eventually(() => expect(review.provider.synced).toBe(true));
      const recorded = () => review.doc.getMap<ReviewedIn>('reviewedIn');
      const [draft] = await versions();

      // Nothing changed since the import: the mark records the Draft, and no version is saved.
      expect((await mark(rina, 0)).status).toBe(200);
      await eventually(() => expect(recorded().get(ids[0])).toMatchObject({ versionId: draft.id, by: 'Rina', at: expect.any(Number) }));
      expect((await versions()).length).toBe(1);

      // Asha types; then three marks, two at once: one version `Reviewed` holding the typed text, shared.
      const editor = connectProvider(server.wsUrl, doc.id, { token: asha });
      typist.destroy = editor.destroy;
      await eventually(() => expect(editor.provider.synced).toBe(true));
      typeInSegment(editor.doc, 1, ' আরও');
      await eventually(async () => expect((await server.api('GET', path(), undefined, doc.tokens.viewer)).body.segments[1].target).toBe('প্রথম অনুচ্ছেদ। আরও'));
      const marks = await Promise.all([mark(rina, 1), mark(rina, 2)]);
      expect(marks.map((m) => m.status)).toEqual([200, 200]);
      expect((await mark(asha, 0, 'approved')).status).toBe(200);
      const after = await versions();
      expect(after.length).toBe(2);
      expect(after[0]).toMatchObject({ name: 'Reviewed', auto: true });
      await eventually(() => expect([1, 2, 0].map((i) => recorded().get(ids[i])?.versionId)).toEqual([after[0].id, after[0].id, after[0].id]));
      expect(recorded().get(ids[0])?.by).toBe('Asha');
      expect(await changedSince(after[0].id)).toEqual([]);
      expect(await changedSince(draft.id)).toEqual([ids[1]]);

      // Asha types on: the segment goes back to Translated (SPEC 11.6), the record stays, and the
      // comparison with its version shows exactly the edit made since.
      typeInSegment(editor.doc, 2, ' শেষ');
      await eventually(async () => expect((await server.api('GET', path(), undefined, doc.tokens.viewer)).body.segments[2].target).toContain('শেষ'));
      expect(recorded().get(ids[2])?.versionId).toBe(after[0].id);
      expect(await changedSince(after[0].id)).toEqual([ids[2]]);
      const diff = (await server.api('GET', path(`/diff?from=${after[0].id}&to=current`), undefined, doc.tokens.viewer)).body.segments[2];
      expect(diff.ops.filter((o: { op: string }) => o.op === 'insert').map((o: { text: string }) => o.text).join('')).toContain('শেষ');

      // A mark after that edit saves one new version, which holds it.
      expect((await mark(rina, 2)).status).toBe(200);
      const last = await versions();
      expect(last.length).toBe(3);
      await eventually(() => expect(recorded().get(ids[2])?.versionId).toBe(last[0].id));
      expect(await changedSince(last[0].id)).toEqual([]);
    } finally {
      typist.destroy();
      watcher.destroy();
      await server.close();
    }
  });
});
