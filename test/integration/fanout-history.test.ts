// Automatic versions with several instances on one PostgreSQL database and one Redis (SPEC 17.20):
// editors of one article on two instances, each instance seeing its own editors' bursts.
import { describe, expect, it } from 'vitest';
import { useCluster, type Client } from '../helpers/cluster.js';
import { eventually } from '../helpers/eventually.js';
import { typeInSegment } from '../helpers/segment-typing.js';
import type { TestServer } from '../helpers/server.js';

const { shared, instance, client } = useCluster();

async function twoInstances(extra: Record<string, string>): Promise<[TestServer, TestServer]> {
  const { env } = await shared();
  const both = { ...env, ...extra };
  return [await instance(both), await instance(both)];
}

const editor = (server: TestServer, id: string, token: string): Client => client(server.wsUrl, id, token);

const IDLE_MS = 1200;

describe('automatic versions across instances', () => {
  it('SPEC 17.20 editors typing on two instances at once get one automatic version per burst, holding both instances\' changes', { timeout: 30_000 }, async () => {
    // Idle long enough that each instance has stored its own editor's last word before either
    // burst ends, however loaded the machine: then one version holds both.
    const [a, b] = await twoInstances({ VERSION_IDLE_MS: String(IDLE_MS), VERSION_EVERY_MS: '600000' });
    const { id, tokens } = await a.createDocument();
    const versions = async (server: TestServer) =>
      ((await server.api('GET', `/api/documents/${id}/versions`, undefined, tokens.viewer)).body.versions as { id: string; auto: boolean }[]).filter((v) => v.auto);
    const onA = editor(a, id, tokens.editor);
    const onB = editor(b, id, tokens.editor);
    await eventually(() => expect(onA.provider.synced && onB.provider.synced).toBe(true), { timeout: 10_000 });

    for (const [word, other] of [[' এক', ' দুই'], [' তিন', ' চার']]) {
      typeInSegment(onA.doc, 1, word);
      typeInSegment(onB.doc, 2, other);
    }
    const [first] = await eventually(async () => {
      const found = await versions(a);
      expect(found).toHaveLength(1);
      return found;
    }, { timeout: 10_000 });
    // Both instances' bursts have ended (several idle periods): still one, on either instance.
    await new Promise((resolve) => setTimeout(resolve, 3 * IDLE_MS));
    expect(await versions(a)).toHaveLength(1);
    expect(await versions(b)).toEqual([first]);
    const txt = (await b.api('GET', `/api/documents/${id}/versions/${first.id}/export?format=txt`, undefined, tokens.viewer)).body as string;
    expect(txt).toContain('প্রথম অনুচ্ছেদ। এক তিন');
    expect(txt).toContain('দ্বিতীয় অনুচ্ছেদ। দুই চার');

    // The next burst, again on both: the next one, and only it.
    typeInSegment(onB.doc, 1, ' পাঁচ');
    typeInSegment(onA.doc, 2, ' ছয়');
    await eventually(async () => expect(await versions(b)).toHaveLength(2), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 3 * IDLE_MS));
    expect(await versions(a)).toHaveLength(2);
  });

  it('SPEC 17.20 a burst on one instance alone still gets its automatic version when the other saved one before it', async () => {
    const [a, b] = await twoInstances({ VERSION_IDLE_MS: '200', VERSION_EVERY_MS: '600000' });
    const { id, tokens } = await a.createDocument();
    const count = async () =>
      ((await b.api('GET', `/api/documents/${id}/versions`, undefined, tokens.viewer)).body.versions as { auto: boolean }[]).filter((v) => v.auto).length;
    const onA = editor(a, id, tokens.editor);
    const onB = editor(b, id, tokens.editor);
    await eventually(() => expect(onA.provider.synced && onB.provider.synced).toBe(true), { timeout: 10_000 });
    typeInSegment(onA.doc, 1, ' এক');
    await eventually(async () => expect(await count()).toBe(1), { timeout: 10_000 });
    // B's burst begins after A's version: it is B's to save.
    typeInSegment(onB.doc, 2, ' দুই');
    await eventually(async () => expect(await count()).toBe(2), { timeout: 10_000 });
  });
});
