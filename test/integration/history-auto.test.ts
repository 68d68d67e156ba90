import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectProvider } from '../helpers/clients.js';
import { eventually } from '../helpers/eventually.js';
import { typeInSegment } from '../helpers/segment-typing.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.dispose();
  server = undefined;
});

async function open(env: Record<string, string>) {
  server = await startTestServer(env);
  const doc = await server.createDocument();
  const versions = async () => (await server!.api('GET', `/api/documents/${doc.id}/versions`, undefined, doc.tokens.viewer)).body.versions as any[];
  const editor = connectProvider(server.wsUrl, doc.id, { token: doc.tokens.editor });
  await eventually(() => expect(editor.provider.synced).toBe(true));
  return { server, doc, versions, editor };
}

describe('automatic versions', () => {
  it('SPEC 16.7 the import is the first version, "Draft", named and kept like one', async () => {
    const { server, doc, versions, editor } = await open({});
    editor.destroy();
    const [draft] = await versions();
    expect(draft).toEqual({ id: expect.any(String), name: 'Draft', createdAt: expect.any(Number), author: null, auto: false });
    const txt = await server.api('GET', `/api/documents/${doc.id}/versions/${draft.id}/export?format=txt`, undefined, doc.tokens.viewer);
    expect(txt.body).toBe('শিরোনাম\n\nপ্রথম অনুচ্ছেদ।\n\nদ্বিতীয় অনুচ্ছেদ।');
  });

  it('SPEC 16.7 an automatic version is saved once a burst of editing ends, and none while nothing changes', async () => {
    const { server, doc, versions, editor } = await open({ VERSION_IDLE_MS: '100', VERSION_EVERY_MS: '600000' });
    for (const word of [' এক', ' দুই', ' তিন']) typeInSegment(editor.doc, 1, word);
    const auto = await eventually(async () => {
      const found = (await versions()).filter((v) => v.auto);
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(auto).toMatchObject({ name: 'Automatic', author: null, auto: true });
    const txt = await server.api('GET', `/api/documents/${doc.id}/versions/${auto.id}/export?format=txt`, undefined, doc.tokens.viewer);
    expect(txt.body).toContain('প্রথম অনুচ্ছেদ। এক দুই তিন');
    // Several idle periods without a change: still one.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await versions()).filter((v) => v.auto)).toHaveLength(1);
    // The next burst makes the next one.
    typeInSegment(editor.doc, 2, ' চার');
    await eventually(async () => expect((await versions()).filter((v) => v.auto)).toHaveLength(2));
    editor.destroy();
  });

  it('SPEC 16.17 an automatic version saved as a burst ends names who made its changes', async () => {
    const { server, doc, versions, editor } = await open({ VERSION_IDLE_MS: '100', VERSION_EVERY_MS: '600000' });
    editor.destroy();
    const path = (rest = '') => `/api/documents/${doc.id}${rest}`;
    const asha = (await server.api('POST', path('/session'), { name: 'Asha' }, doc.tokens.editor)).body.token as string;
    const typist = connectProvider(server.wsUrl, doc.id, { token: asha });
    await eventually(() => expect(typist.provider.synced).toBe(true));
    // The burst ends 100 ms after the keystroke, well before its note would be written on its own (SPEC 16.9).
    typeInSegment(typist.doc, 1, ' এক');
    await eventually(async () => expect((await versions()).filter((v) => v.auto)).toHaveLength(1));
    const segment = (await server.api('GET', path(), undefined, doc.tokens.viewer)).body.segments[1].id as string;
    const history = await server.api('GET', path(`/segments/${segment}/history`), undefined, doc.tokens.viewer);
    expect(history.body.versions.map((v: { version: { name: string }; changedBy: string | null }) => [v.version.name, v.changedBy])).toEqual([
      ['Automatic', 'Asha'],
      ['Draft', null],
    ]);
    typist.destroy();
  });

  it('SPEC 16.7 while editing goes on, an automatic version is saved at most every VERSION_EVERY_MS', async () => {
    const { versions, editor } = await open({ VERSION_IDLE_MS: '600000', VERSION_EVERY_MS: '200' });
    // Typing never pauses for the idle time, yet versions come.
    await eventually(
      async () => {
        typeInSegment(editor.doc, 1, 'x');
        expect((await versions()).filter((v) => v.auto).length).toBeGreaterThanOrEqual(2);
      },
      { timeout: 10_000, interval: 20 },
    );
    editor.destroy();
  });

  it('SPEC 16.8 each automatic version saved thins the older ones by the retention settings; named ones stay', async () => {
    // Nothing is kept whole and nothing hourly: the newest automatic version of each day (UTC) stays.
    const { server, doc, versions, editor } = await open({ VERSION_IDLE_MS: '100', VERSION_EVERY_MS: '600000', VERSION_KEEP_ALL_MS: '0', VERSION_KEEP_HOURLY_MS: '0' });
    const named = (await server.api('POST', `/api/documents/${doc.id}/versions`, { name: 'Final' }, doc.tokens.editor)).body;
    let newest = '';
    let typed = '';
    for (const word of [' এক', ' দুই', ' তিন']) {
      typeInSegment(editor.doc, 1, word);
      typed += word;
      newest = await eventually(async () => {
        const auto = (await versions()).filter((v) => v.auto);
        const txt = await server.api('GET', `/api/documents/${doc.id}/versions/${auto[0]?.id}/export?format=txt`, undefined, doc.tokens.viewer);
        expect(txt.body).toContain(`প্রথম অনুচ্ছেদ।${typed}\n`);
        return auto[0].id as string;
      });
    }
    // Thinned right after the newest is stored. One a day: three bursts in a row leave one (two if
    // midnight UTC fell between them).
    const list = await eventually(async () => {
      const found = await versions();
      const days = found.filter((v) => v.auto).map((v) => Math.floor(v.createdAt / 86_400_000));
      expect(new Set(days).size).toBe(days.length);
      return found;
    });
    const auto = list.filter((v) => v.auto);
    expect(auto[0].id).toBe(newest);
    expect(auto.length).toBeLessThan(3);
    expect(list.filter((v) => !v.auto).map((v) => [v.id, v.name])).toEqual([[named.id, 'Final'], [expect.any(String), 'Draft']]);
    editor.destroy();
  });

  it('SPEC 16.7 at shutdown the burst in progress gets its automatic version', async () => {
    const { server: first, doc, editor } = await open({ VERSION_IDLE_MS: '600000', VERSION_EVERY_MS: '600000' });
    typeInSegment(editor.doc, 1, ' শেষ');
    await eventually(async () => {
      const read = await first.api('GET', `/api/documents/${doc.id}`, undefined, doc.tokens.viewer);
      expect(read.body.segments[1].target).toBe('প্রথম অনুচ্ছেদ। শেষ');
    });
    editor.destroy();
    const dir = first.dataDir;
    await first.close();
    server = await startTestServer({}, dir);
    const versions = (await server.api('GET', `/api/documents/${doc.id}/versions`, undefined, doc.tokens.viewer)).body.versions;
    expect(versions.map((v: any) => [v.name, v.auto])).toEqual([['Automatic', true], ['Draft', false]]);
    const txt = await server.api('GET', `/api/documents/${doc.id}/versions/${versions[0].id}/export?format=txt`, undefined, doc.tokens.viewer);
    expect(txt.body).toContain('প্রথম অনুচ্ছেদ। শেষ');
    await server.dispose();
    server = undefined;
    await rm(dir, { recursive: true, force: true });
  });
});
