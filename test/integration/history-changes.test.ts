import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server.js';
import { connectProvider } from '../helpers/clients.js';
import { eventually } from '../helpers/eventually.js';
import { typeInSegment } from '../helpers/segment-typing.js';

describe('who changed what', () => {
  it('SPEC 16.9 each segment tells who last changed it and when: a typist, an accepted suggestion, a restore; kept over a restart', async () => {
    let server = await startTestServer();
    const dir = server.dataDir;
    try {
      const doc = await server.createDocument();
      const path = (rest = '') => `/api/documents/${doc.id}${rest}`;
      const personal = async (role: 'editor' | 'reviewer', name: string) =>
        (await server.api('POST', path('/session'), { name }, doc.tokens[role])).body.token as string;
      const [asha, bina, rina] = [await personal('editor', 'Asha'), await personal('editor', 'Bina'), await personal('reviewer', 'Rina')];
      const read = async () => (await server.api('GET', path(), undefined, doc.tokens.viewer)).body.segments as any[];

      const untouched = await read();
      expect(untouched.map((s) => [s.changedBy, s.changedAt])).toEqual([[null, null], [null, null], [null, null]]);
      const draft = (await server.api('GET', path('/versions'), undefined, doc.tokens.viewer)).body.versions[0];

      // Asha types in the second segment.
      const typist = connectProvider(server.wsUrl, doc.id, { token: asha });
      await eventually(() => expect(typist.provider.synced).toBe(true));
      const before = Date.now();
      typeInSegment(typist.doc, 1, ' আরও');
      const typed = await eventually(async () => {
        const segments = await read();
        expect(segments[1].target).toBe('প্রথম অনুচ্ছেদ। আরও');
        return segments;
      });
      expect(typed[1]).toMatchObject({ changedBy: 'Asha', changedAt: expect.any(Number) });
      expect(typed[1].changedAt).toBeGreaterThanOrEqual(before);
      expect([typed[0].changedBy, typed[2].changedBy]).toEqual([null, null]);

      // Rina suggests in the third, Bina accepts: the change is Bina's.
      const suggestion = await server.api('POST', path('/suggestions'), { segmentId: typed[2].id, find: 'দ্বিতীয়', text: 'শেষ' }, rina);
      expect((await server.api('POST', path(`/suggestions/${suggestion.body.id}/accept`), undefined, bina)).status).toBe(200);
      expect((await read())[2]).toMatchObject({ target: 'শেষ অনুচ্ছেদ।', changedBy: 'Bina' });

      // Asha's restore of the draft changes both back: hers.
      typist.destroy();
      expect((await server.api('POST', path(`/versions/${draft.id}/restore`), undefined, asha)).status).toBe(200);
      const restored = await read();
      expect(restored.map((s) => s.changedBy)).toEqual([null, 'Asha', 'Asha']);

      await server.close();
      server = await startTestServer({}, dir);
      expect((await read()).map((s) => s.changedBy)).toEqual([null, 'Asha', 'Asha']);
    } finally {
      await server.close();
      await import('node:fs/promises').then((fs) => fs.rm(dir, { recursive: true, force: true }));
    }
  });
});
