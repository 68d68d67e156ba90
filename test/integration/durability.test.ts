import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectProvider } from '../helpers/clients.js';
import { createDocumentAt, startChildServer, type ChildServer } from '../helpers/child-server.js';
import { eventually } from '../helpers/eventually.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';

let dir: string;
const children: ChildServer[] = [];
const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.process.kill('SIGKILL');
  if (dir) await rm(dir, { recursive: true, force: true });
  await Promise.all(databases.splice(0).map((db) => db.drop()));
});

/** The same rules on either store (SPEC 17.1): each test's servers share the environment made here. */
const stores = [
  { name: 'SQLite', env: async (): Promise<Record<string, string>> => ({}) },
  {
    name: 'PostgreSQL',
    env: async (): Promise<Record<string, string>> => {
      const db = await createTestDatabase();
      databases.push(db);
      return { DATABASE_URL: db.url };
    },
  },
];

const markersIn = (text: string) => text.split(';').filter(Boolean);

describe.each(stores)('durability on $name', ({ env }) => {
  it('SPEC 4.2 every update a peer received survives kill -9 of the server', async () => {
    dir = await mkdtemp(join(tmpdir(), 'tandem-crash-'));
    const storeEnv = await env();
    const first = await startChildServer(dir, storeEnv);
    children.push(first);
    const { id, tokens } = await createDocumentAt(first.url);
    const writer = connectProvider(first.wsUrl, id, { token: tokens.editor });
    const peer = connectProvider(first.wsUrl, id, { token: tokens.viewer });
    await eventually(() => expect(writer.provider.synced && peer.provider.synced).toBe(true));

    // A stream of edits, one per tick, until the peer has seen enough; then kill -9 mid-stream.
    let n = 0;
    const stream = setInterval(() => {
      for (let i = 0; i < 5; i++) writer.doc.getText('log').insert(writer.doc.getText('log').length, `${n++};`);
    }, 1);
    await eventually(() => expect(markersIn(peer.doc.getText('log').toString()).length).toBeGreaterThan(300), { timeout: 15_000 });
    first.process.kill('SIGKILL');
    const seen = markersIn(peer.doc.getText('log').toString());
    // The writer goes on a little while the server is dead, so the kill falls inside the stream
    // even when a busy machine let the peer catch up with every edit made before it.
    await new Promise((resolve) => setTimeout(resolve, 30));
    clearInterval(stream);
    writer.destroy();
    peer.destroy();
    await first.exited;

    const second = await startChildServer(dir, storeEnv);
    children.push(second);
    const reader = connectProvider(second.wsUrl, id, { token: tokens.viewer });
    await eventually(() => expect(reader.provider.synced).toBe(true));
    const stored = new Set(markersIn(reader.doc.getText('log').toString()));
    const lost = seen.filter((marker) => !stored.has(marker));
    expect(lost).toEqual([]);
    expect(n).toBeGreaterThan(seen.length); // the kill really came mid-stream
    reader.destroy();
  });

  it('SPEC 4.7 SIGTERM closes connections with 1001, stores everything and exits cleanly', async () => {
    dir = await mkdtemp(join(tmpdir(), 'tandem-term-'));
    const storeEnv = await env();
    const first = await startChildServer(dir, storeEnv);
    children.push(first);
    const { id, tokens } = await createDocumentAt(first.url);
    const writer = connectProvider(first.wsUrl, id, { token: tokens.editor });
    await eventually(() => expect(writer.provider.synced).toBe(true));
    writer.doc.getText('t').insert(0, 'kept through shutdown');
    const peer = connectProvider(first.wsUrl, id, { token: tokens.viewer });
    await eventually(() => expect(peer.doc.getText('t').toString()).toBe('kept through shutdown'));
    first.process.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(peer.closes[0]?.code).toBe(1001);
    writer.destroy();
    peer.destroy();

    const second = await startChildServer(dir, storeEnv);
    children.push(second);
    const reader = connectProvider(second.wsUrl, id, { token: tokens.viewer });
    await eventually(() => expect(reader.doc.getText('t').toString()).toBe('kept through shutdown'));
    reader.destroy();
  });
});
