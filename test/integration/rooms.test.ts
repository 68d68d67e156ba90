import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectProvider } from '../helpers/clients.js';
import { eventually } from '../helpers/eventually.js';
import { openSqliteStore } from '../../server/storage/sqlite.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ ROOM_IDLE_MS: '50', COMPACT_EVERY: '20' });
});
afterAll(() => server.dispose());

async function metric(name: string): Promise<number> {
  const text = (await server.api('GET', '/metrics')).body as string;
  const line = text.split('\n').find((l) => l.startsWith(name + ' ') || l.startsWith(name + '{'));
  return Number(line?.split(' ').at(-1) ?? NaN);
}

describe('rooms', () => {
  it("SPEC 4.2 a reconnecting client's offline edits all arrive", async () => {
    const { id, tokens } = await server.createDocument();
    const a = connectProvider(server.wsUrl, id, { token: tokens.editor });
    const b = connectProvider(server.wsUrl, id, { token: tokens.editor });
    await eventually(() => expect(a.provider.synced && b.provider.synced).toBe(true));
    a.provider.disconnect();
    for (let i = 0; i < 50; i++) a.doc.getText('t').insert(a.doc.getText('t').length, `a${i};`);
    b.doc.getText('t').insert(0, 'online;');
    await eventually(() => expect(b.provider.synced).toBe(true));
    a.provider.connect();
    await eventually(() => {
      const text = b.doc.getText('t').toString();
      for (let i = 0; i < 50; i++) expect(text).toContain(`a${i};`);
      expect(a.doc.getText('t').toString()).toBe(text);
    });
    a.destroy();
    b.destroy();
  });

  it('SPEC 4.5 a room loads once however many connect at once, and all of them sync', async () => {
    const { id, tokens } = await server.createDocument();
    const loadsBefore = await metric('tandem_room_loads_total');
    const clients = Array.from({ length: 12 }, (_, i) => connectProvider(server.wsUrl, id, { token: tokens.editor, name: `c${i}` }));
    clients[0].doc.getText('t').insert(0, 'early');
    await eventually(() => {
      for (const client of clients) expect(client.doc.getText('t').toString()).toBe('early');
    });
    // One load, however many connections.
    expect(await metric('tandem_room_loads_total')).toBe(loadsBefore + 1);
    for (const client of clients) client.destroy();
  });

  it('SPEC 4.6 an idle room unloads once its writes are stored, and reloads with them', async () => {
    const { id, tokens } = await server.createDocument();
    const writer = connectProvider(server.wsUrl, id, { token: tokens.editor });
    await eventually(() => expect(writer.provider.synced).toBe(true));
    const roomsWhileOpen = await metric('tandem_rooms');
    for (let i = 0; i < 45; i++) writer.doc.getText('t').insert(0, 'x'); // past COMPACT_EVERY
    writer.destroy();
    await eventually(() => expect(metric('tandem_rooms')).resolves.toBe(roomsWhileOpen - 1));
    const reader = connectProvider(server.wsUrl, id, { token: tokens.viewer });
    await eventually(() => expect(reader.doc.getText('t').toString()).toBe('x'.repeat(45)));
    reader.destroy();
  });

  it('SPEC 4.6 past ROOM_IDLE_MAX rooms without connections the longest idle unloads at once, its writes stored', async () => {
    const busy = await startTestServer({ ROOM_IDLE_MS: '600000', ROOM_IDLE_MAX: '3' });
    const gauge = async (name: string) => {
      const text = (await busy.api('GET', '/metrics')).body as string;
      return Number(text.split('\n').find((l) => l.startsWith(name + ' '))?.split(' ').at(-1) ?? NaN);
    };
    try {
      const docs = [];
      for (let i = 0; i < 6; i++) {
        const doc = await busy.createDocument();
        const writer = connectProvider(busy.wsUrl, doc.id, { token: doc.tokens.editor });
        await eventually(() => expect(writer.provider.synced).toBe(true));
        writer.doc.getText('t').insert(0, `article ${i}`);
        // Seen by another client, so stored (SPEC 4.2).
        const reader = connectProvider(busy.wsUrl, doc.id, { token: doc.tokens.viewer });
        await eventually(() => expect(reader.doc.getText('t').toString()).toBe(`article ${i}`));
        for (const c of [writer, reader]) c.destroy();
        docs.push(doc);
      }
      // Within the ten-minute grace period, at most three rooms are left loaded.
      await eventually(async () => expect(await gauge('tandem_rooms')).toBeLessThanOrEqual(3));
      // The newest stays loaded: reading it loads nothing; the first one reloads with its text.
      const loads = await gauge('tandem_room_loads_total');
      const last = connectProvider(busy.wsUrl, docs[5].id, { token: docs[5].tokens.viewer });
      await eventually(() => expect(last.doc.getText('t').toString()).toBe('article 5'));
      expect(await gauge('tandem_room_loads_total')).toBe(loads);
      const first = connectProvider(busy.wsUrl, docs[0].id, { token: docs[0].tokens.viewer });
      await eventually(() => expect(first.doc.getText('t').toString()).toBe('article 0'));
      expect(await gauge('tandem_room_loads_total')).toBe(loads + 1);
      for (const c of [last, first]) c.destroy();
    } finally {
      await busy.dispose();
    }
  });

  it('SPEC 4.4 the log is compacted into a snapshot as it grows and when the room unloads', async () => {
    const { id, tokens } = await server.createDocument();
    const writer = connectProvider(server.wsUrl, id, { token: tokens.editor });
    await eventually(() => expect(writer.provider.synced).toBe(true));
    for (let i = 0; i < 30; i++) writer.doc.getText('t').insert(0, 'y');
    const store = openSqliteStore({ dir: server.dataDir });
    try {
      // Past COMPACT_EVERY (20): a snapshot holds the early updates while the room is still open.
      await eventually(async () => {
        const log = await store.loadRoom(id);
        expect(log.snapshot).not.toBeNull();
        expect(log.updates.length).toBeLessThan(20);
      });
      writer.destroy();
      // Unloading compacts what is left.
      await eventually(async () => expect((await store.loadRoom(id)).updates).toHaveLength(0));
    } finally {
      await store.close();
    }
  });

  it('SPEC 4.4 a burst stored in one group, far past COMPACT_EVERY, still leaves the log short', async () => {
    const { id, tokens } = await server.createDocument();
    const writer = connectProvider(server.wsUrl, id, { token: tokens.editor });
    await eventually(() => expect(writer.provider.synced).toBe(true));
    // Sent in one turn, stored in one group: the compaction it triggers finds the rest stored after it.
    for (let i = 0; i < 300; i++) writer.doc.getText('t').insert(0, 'z');
    const store = openSqliteStore({ dir: server.dataDir });
    try {
      await eventually(async () => {
        const log = await store.loadRoom(id);
        expect(log.seq).toBeGreaterThanOrEqual(301);
        expect(log.updates.length).toBeLessThan(20);
      });
    } finally {
      writer.destroy();
      await store.close();
    }
  });
});
