// Crash safety (SPEC 4.8): stock y-websocket clients type into several articles at once, leaving and
// rejoining so their rooms unload, with COMPACT_EVERY so low that compaction never stops, while
// documents are imported; the server is killed with SIGKILL at a seeded random moment, in some rounds
// in the middle of its SIGTERM shutdown (when it compacts every room). After each kill the store
// checks consistent (SPEC 9.4); after each restart every update any client had received from the
// server is there and every import answered 201 exists whole. Rounds chain on one data directory.
// CRASH_ROUNDS (default 4) lengthens a run; CRASH_SEED repeats one (a failure names its seed).
// It runs on the embedded SQLite store and on PostgreSQL (DATABASE_URL, a database of its own).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import { afterAll, expect, it, onTestFailed } from 'vitest';
import { checkStore, type CheckReport } from '../../server/storage/check.js';
import { checkPostgresStore } from '../../server/storage/postgres/check.js';
import { createTestDatabase } from '../helpers/postgres.js';
import { connectProvider } from '../helpers/clients.js';
import { createDocumentAt, startChildServer, type ChildServer } from '../helpers/child-server.js';
import { eventually } from '../helpers/eventually.js';
import { deleteInSegment, typeInSegment } from '../helpers/segment-typing.js';
import { ADMIN_TOKEN } from '../helpers/server.js';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 4);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 1e9));
// Automatic versions come often, so kills fall while they are saved too (SPEC 16.7).
const SERVER_ENV = { COMPACT_EVERY: '20', ROOM_IDLE_MS: '20', VERSION_IDLE_MS: '30', VERSION_EVERY_MS: '200' };
const EDITORS = 4;
/** Viewers come and go too: they receive every update stored while they are there. */
const VIEWERS = 2;
const ARTICLES = 3;

interface Article {
  id: string;
  tokens: Record<string, string>;
  /** Everything any client received from the server in this room, over every round. */
  seen: Y.Doc;
}

interface Imported {
  id: string;
  target: string[];
  source: string[];
}

/** What one round did, for the figures and to show that the kill fell in the middle of it. */
interface RoundTally {
  received: number;
  typed: number;
  joins: number;
  imports: Imported[];
  /** Named versions answered 201. */
  versions: SavedVersion[];
}

interface SavedVersion {
  docId: string;
  id: string;
  name: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const servers: ChildServer[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const server of servers) server.process.kill('SIGKILL');
  for (const cleanup of cleanups) await cleanup();
});

/** Where a run keeps its documents: the data directory's SQLite file, or a PostgreSQL database. */
interface StoreUnderTest {
  /** What the server and `tandem check` are started with. */
  env: Record<string, string>;
  check(): Promise<CheckReport>;
  /** The seq of a room's snapshot (0 without one). */
  snapshotSeq(room: string): Promise<number>;
}

const STORES: Record<string, (dir: string) => Promise<StoreUnderTest>> = {
  SQLite: async (dir) => ({
    env: {},
    check: async () => checkStore(dir),
    async snapshotSeq(room) {
      const db = new Database(join(dir, 'tandem.db'), { readonly: true });
      try {
        return (db.prepare('SELECT seq FROM snapshots WHERE room = ?').get(room) as { seq: number } | undefined)?.seq ?? 0;
      } finally {
        db.close();
      }
    },
  }),
  PostgreSQL: async () => {
    const db = await createTestDatabase();
    cleanups.push(() => db.drop());
    return {
      env: { DATABASE_URL: db.url },
      check: () => checkPostgresStore(db.url),
      snapshotSeq: async (room) => Number((await db.sql('SELECT seq FROM snapshots WHERE room = $1', [room])).rows[0]?.seq ?? 0),
    };
  },
};

/**
 * One client: joins a random article, stays a while (an editor typing in bursts), leaves, and again,
 * until stopped. Whatever the server sends it is added to the article's `seen`.
 */
async function visit(server: ChildServer, articles: Article[], gen: prng.PRNG, who: { index: number; editor: boolean }, tally: RoundTally, stopped: () => boolean) {
  for (let n = 0; !stopped(); ) {
    const article = prng.oneOf(gen, articles);
    const client = connectProvider(server.wsUrl, article.id, { token: who.editor ? article.tokens.editor : article.tokens.viewer });
    client.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== client.provider) return;
      Y.applyUpdate(article.seen, update);
      tally.received++;
    });
    tally.joins++;
    const leaveAt = Date.now() + prng.int32(gen, 50, who.editor ? 300 : 600);
    while (!stopped() && Date.now() < leaveAt) {
      if (who.editor && client.provider.synced) {
        for (let burst = prng.int32(gen, 1, 3); burst > 0; burst--) {
          const segment = prng.int32(gen, 0, 1);
          const typed = prng.int32(gen, 0, 9) === 0 ? deleteInSegment(client.doc, segment, 2) : typeInSegment(client.doc, segment, `${who.index}.${n++} `);
          if (typed) tally.typed++;
        }
      }
      await sleep(1);
    }
    client.destroy();
    // Sometimes long enough for the room to unload, compacting, before someone comes back.
    await sleep(prng.int32(gen, 0, 60));
  }
}

/** Imports short articles one after another until stopped, keeping those answered 201. */
async function importArticles(server: ChildServer, gen: prng.PRNG, tally: RoundTally, stopped: () => boolean) {
  while (!stopped()) {
    const size = prng.int32(gen, 2, 6);
    const tag = prng.word(gen, 6, 6);
    const target = Array.from({ length: size }, (_, i) => `অনুচ্ছেদ ${tag} ${i}।`);
    const source = target.map((_, i) => `Paragraph ${tag} ${i}.`);
    try {
      const response = await fetch(`${server.url}/api/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ format: 'text', sourceLang: 'en', targetLang: 'bn', target: target.join('\n\n'), source: source.join('\n\n') }),
        signal: AbortSignal.timeout(5000),
      });
      const body = (await response.json()) as { id: string };
      if (response.status === 201) tally.imports.push({ id: body.id, target, source });
    } catch {
      await sleep(5); // the server is gone (or going)
    }
  }
}

/** Saves named versions of random articles one after another until stopped, keeping those answered 201. */
async function saveVersions(server: ChildServer, articles: Article[], gen: prng.PRNG, tally: RoundTally, stopped: () => boolean) {
  for (let n = 0; !stopped(); n++) {
    const article = prng.oneOf(gen, articles);
    const name = `Saved ${n} ${prng.word(gen, 4, 4)}`;
    try {
      const response = await fetch(`${server.url}/api/documents/${article.id}/versions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${article.tokens.editor}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name }),
        signal: AbortSignal.timeout(5000),
      });
      const body = (await response.json()) as { id: string };
      if (response.status === 201) tally.versions.push({ docId: article.id, id: body.id, name });
    } catch {
      // the server is gone (or going)
    }
    await sleep(prng.int32(gen, 20, 120));
  }
}

/** What `seen` holds that `stored` lacks: nothing when applying it to the stored state changes nothing. */
function missingFrom(stored: Uint8Array, seen: Uint8Array): string[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, stored);
  const before = Y.decodeStateVector(Y.encodeStateVector(doc));
  let changed = false;
  doc.on('update', () => (changed = true));
  Y.applyUpdate(doc, seen);
  const missing = [...Y.decodeStateVector(Y.encodeStateVector(doc))]
    .filter(([client, clock]) => (before.get(client) ?? 0) < clock)
    .map(([client, clock]) => `client ${client}: stored up to clock ${before.get(client) ?? 0}, seen up to ${clock}`);
  const pending = doc.store.pendingStructs;
  if (pending) missing.push(`seen updates wait for ones never stored: ${[...pending.missing].map(([c, k]) => `${c}@${k}`).join(', ')}`);
  if (changed && missing.length === 0) missing.push('a deletion seen was not stored');
  doc.destroy();
  return missing;
}

/** Error-level lines a server logged (pino: level 50 and above). */
function loggedErrors(server: ChildServer): string[] {
  return server
    .output()
    .split('\n')
    .filter((line) => /^\{.*"level":(5|6)\d/.test(line));
}

async function expectNothingLost(server: ChildServer, articles: Article[], imports: Imported[], versions: SavedVersion[], context: string) {
  for (const article of articles) {
    const reader = connectProvider(server.wsUrl, article.id, { token: article.tokens.viewer });
    await eventually(() => expect(reader.provider.synced).toBe(true), { timeout: 15_000 });
    expect(missingFrom(Y.encodeStateAsUpdate(reader.doc), Y.encodeStateAsUpdate(article.seen)), `${context}: ${article.id}`).toEqual([]);
    reader.destroy();
  }
  const headers = { authorization: `Bearer ${ADMIN_TOKEN}` };
  for (const { id, target, source } of imports) {
    const response = await fetch(`${server.url}/api/documents/${id}`, { headers });
    expect(response.status, `${context}: import ${id}`).toBe(200);
    const { segments } = (await response.json()) as { segments: Array<{ target: string; source: string }> };
    expect(segments.map((s) => [s.source, s.target]), `${context}: import ${id}`).toEqual(source.map((s, i) => [s, target[i]]));
    // The import is its first version (SPEC 16.7), stored before it was answered.
    const listed = (await (await fetch(`${server.url}/api/documents/${id}/versions`, { headers })).json()) as { versions: Array<{ name: string }> };
    expect(listed.versions.map((v) => v.name), `${context}: import ${id}`).toEqual(['Draft']);
  }
  // Every version answered 201 exists whole: listed, and its state exports (SPEC 16.1).
  for (const { docId, id, name } of versions) {
    const listed = (await (await fetch(`${server.url}/api/documents/${docId}/versions`, { headers })).json()) as { versions: Array<{ id: string; name: string }> };
    expect(listed.versions.find((v) => v.id === id)?.name, `${context}: version ${id}`).toBe(name);
    const exported = await fetch(`${server.url}/api/documents/${docId}/versions/${id}/export?format=txt`, { headers });
    expect(exported.status, `${context}: version ${id}`).toBe(200);
    // The article's two segments (typing never empties one).
    expect((await exported.text()).split('\n\n'), `${context}: version ${id}`).toHaveLength(2);
  }
}

// A retry would hide what a seed found: a failure is reported at once, with the way to repeat it.
for (const [storeName, openStore] of Object.entries(STORES)) {
  it(`SPEC 4.8 kill -9 at seeded random moments of editing, compaction, unloads, shutdown and imports loses nothing seen, and the store stays consistent, on ${storeName} (SPEC 17.7; ${ROUNDS} rounds, seed ${SEED})`, { timeout: 60_000 + ROUNDS * 20_000, retry: 0 }, async () => {
    onTestFailed(() => console.error(`crash safety on ${storeName} failed: repeat with CRASH_SEED=${SEED} CRASH_ROUNDS=${ROUNDS}`));
    const gen = prng.create(SEED);
    const dir = await mkdtemp(join(tmpdir(), 'tandem-crash-safety-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const store = await openStore(dir);
    const startServer = async () => {
      const started = await startChildServer(dir, { ...SERVER_ENV, ...store.env });
      servers.push(started);
      return started;
    };
    let server = await startServer();
    const articles: Article[] = [];
    for (let i = 0; i < ARTICLES; i++) articles.push({ ...(await createDocumentAt(server.url)), seen: new Y.Doc() });
    const imported: string[] = [];
    const figures = { received: 0, typed: 0, joins: 0, imports: 0, versions: 0, terms: 0 };

    for (let round = 0; round < ROUNDS; round++) {
      const context = `seed ${SEED}, round ${round}`;
      // Every other round is killed in the middle of its SIGTERM shutdown, while it compacts every room.
      const duringShutdown = round % 2 === 1;
      const killAfterMs = prng.int32(gen, 150, 1200);
      const termGraceMs = prng.int32(gen, 0, 120);
      const tally: RoundTally = { received: 0, typed: 0, joins: 0, imports: [], versions: [] };
      let stopped = false;
      const work = [
        ...Array.from({ length: EDITORS + VIEWERS }, (_, index) => visit(server, articles, gen, { index, editor: index < EDITORS }, tally, () => stopped)),
        importArticles(server, gen, tally, () => stopped),
        saveVersions(server, articles, gen, tally, () => stopped),
      ];

      try {
        // The seeded delay counts from the first update a client received: a busy machine starts slowly.
        await eventually(() => expect(tally.received).toBeGreaterThan(0), { timeout: 20_000 });
        await sleep(killAfterMs);
        if (duringShutdown) {
          server.process.kill('SIGTERM');
          await sleep(termGraceMs);
        }
        server.process.kill('SIGKILL');
        await server.exited;
      } finally {
        stopped = true;
        await Promise.all(work);
      }
      expect(loggedErrors(server), context).toEqual([]);

      const report = await store.check();
      expect(report.problems, context).toEqual([]);

      server = await startServer();
      await expectNothingLost(server, articles, tally.imports, tally.versions, context);
      imported.push(...tally.imports.map((i) => i.id));
      figures.received += tally.received;
      figures.typed += tally.typed;
      figures.joins += tally.joins;
      figures.imports += tally.imports.length;
      figures.versions += tally.versions.length;
      if (duringShutdown) figures.terms++;
    }

    // Every import answered 201 in any round is still listed at the end.
    const listed = await (await fetch(`${server.url}/api/documents`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json();
    const ids = new Set((listed as { documents: Array<{ id: string }> }).documents.map((d) => d.id));
    expect(imported.filter((id) => !ids.has(id)), `seed ${SEED}`).toEqual([]);
    server.process.kill('SIGKILL');
    await server.exited;
    expect(loggedErrors(server), `seed ${SEED}`).toEqual([]);

    // How far compaction got: the seq of each edited content room's snapshot.
    const snapshotSeqs = await Promise.all(articles.map(({ id }) => store.snapshotSeq(id)));
    // The command agrees with the check the rounds ran in this process.
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'check', '--data-dir', dir], { env: { ...process.env, ...store.env } });
    console.log(
      `crash safety on ${storeName}, seed ${SEED}: ${ROUNDS} kills (${figures.terms} during shutdown), ${figures.joins} joins, ${figures.typed} edits typed, ` +
        `${figures.received} updates received, ${figures.imports} imports and ${figures.versions} versions answered 201, snapshots at seq ${snapshotSeqs.join(', ')}; ${stdout.trim()}`,
    );
    expect(stdout).toMatch(/: consistent\n$/);
    expect(Math.max(...snapshotSeqs), `seed ${SEED}: compaction ran on count`).toBeGreaterThan(Number(SERVER_ENV.COMPACT_EVERY));
  });
}
