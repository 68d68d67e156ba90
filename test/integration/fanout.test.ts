// Several instances on one PostgreSQL database and one Redis (SPEC 17.8–17.14): real servers, real
// Redis, stock y-websocket clients spread over the instances.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import * as Y from 'yjs';
import pg from 'pg';
import { encodeFanout } from '../../server/fanout/messages.js';
import { createDocumentAt, startChildServer, type ChildServer } from '../helpers/child-server.js';
import { synced, useCluster, type Client } from '../helpers/cluster.js';
import { eventually } from '../helpers/eventually.js';
import type { TestDatabase } from '../helpers/postgres.js';
import { REDIS_URL, startOwnRedis } from '../helpers/redis.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { FanoutUnavailable } from '../../server/fanout/fanout.js';
import { openPostgresStore } from '../../server/storage/postgres/store.js';

const { shared, instance, client, defer } = useCluster();

/** One database and one Redis prefix, shared by the instances a test starts with `env`. */
async function cluster(redisUrl = REDIS_URL) {
  const { db, env } = await shared(redisUrl);
  return { db, env: { ...env, COMPACT_EVERY: '100000' } };
}

async function childInstance(env: Record<string, string>): Promise<ChildServer> {
  const dir = await mkdtemp(join(tmpdir(), 'tandem-fanout-'));
  defer(() => rm(dir, { recursive: true, force: true }));
  const child = await startChildServer(dir, env);
  defer(() => child.process.kill('SIGKILL'));
  return child;
}

const log = (c: Client) => c.doc.getText('log');
const markers = (c: Client) => log(c).toString().split(';').filter(Boolean);
/** Types `count` markers, each its own transaction (one update message each). */
function type(c: Client, tag: string, count: number): void {
  for (let i = 0; i < count; i++) log(c).insert(log(c).length, `${tag}${i};`);
}
/** A counter of an instance's /metrics (summed over its labels' values that match `labels`). */
async function metric(server: TestServer, name: string, labels = ''): Promise<number> {
  const text = (await server.api('GET', '/metrics')).body as string;
  const lines = text.split('\n').filter((line) => line.startsWith(`${name}${labels} `) || (!labels && line.startsWith(`${name}{`)));
  return lines.reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}
const storedUpdates = async (db: TestDatabase, room: string) =>
  (await db.sql('SELECT count(*)::int AS n FROM updates WHERE room = $1', [room])).rows[0].n as number;
/** Appends `text` to a room's shared log as another instance would, publishing nothing. */
async function appendUnheard(db: TestDatabase, room: string, text: string): Promise<void> {
  const store = await openPostgresStore({ url: db.url });
  try {
    const doc = new Y.Doc();
    doc.getText('log').insert(0, text);
    await store.append([{ docId: room, room, update: Y.encodeStateAsUpdate(doc) }]);
  } finally {
    await store.close();
  }
}

describe('fan-out between instances (SPEC 17)', () => {
  it('SPEC 17.8 stock clients on two instances converge both ways, and each update is stored once', async () => {
    const { db, env } = await cluster();
    const [a, b] = [await instance(env), await instance(env)];
    const { id, tokens } = await a.createDocument();
    const onA = client(a.wsUrl, id, tokens.editor);
    const onB = client(b.wsUrl, id, tokens.editor);
    await synced(onA, onB);
    const before = await storedUpdates(db, id);

    type(onA, 'a', 20);
    type(onB, 'b', 20);
    await eventually(() => {
      expect(markers(onA)).toHaveLength(40);
      expect(log(onB).toString()).toBe(log(onA).toString());
    }, { timeout: 10_000 });
    // Each instance stored its own clients' updates; none was stored again by the other.
    await eventually(async () => expect(await storedUpdates(db, id)).toBe(before + 40));
    expect([await metric(a, 'tandem_fanout_updates_total'), await metric(b, 'tandem_fanout_updates_total')]).toEqual([20, 20]);
  });

  it('SPEC 17.8 SPEC 17.12 three instances: two stock clients on each type at once and converge, each sees the five others\' presence, and each update is stored once', async () => {
    const { db, env } = await cluster();
    const trio = [await instance(env), await instance(env), await instance(env)];
    const { id, tokens } = await trio[0].createDocument();
    const spread = trio.flatMap((server) => [client(server.wsUrl, id, tokens.editor), client(server.wsUrl, id, tokens.editor)]);
    await synced(...spread);
    const before = await storedUpdates(db, id);

    spread.forEach((c, i) => {
      c.provider.awareness.setLocalStateField('cursor', { at: i });
      type(c, `c${i}-`, 10);
    });
    await eventually(() => {
      expect(markers(spread[0])).toHaveLength(60);
      for (const c of spread) expect(log(c).toString()).toBe(log(spread[0]).toString());
    }, { timeout: 15_000 });
    await eventually(() => {
      for (const c of spread) for (const [i, other] of spread.entries()) expect(c.provider.awareness.getStates().get(other.doc.clientID)?.cursor).toEqual({ at: i });
    }, { timeout: 10_000 });
    await eventually(async () => expect(await storedUpdates(db, id)).toBe(before + 60));
  });

  it('SPEC 17.12 presence set on one instance is seen on the other, and its removal too', async () => {
    const { env } = await cluster();
    const [a, b] = [await instance(env), await instance(env)];
    const { id, tokens } = await a.createDocument();
    const onA = client(a.wsUrl, id, tokens.editor);
    const onB = client(b.wsUrl, id, tokens.viewer);
    await synced(onA, onB);

    onA.provider.awareness.setLocalStateField('cursor', { at: 3 });
    await eventually(() => {
      const state = onB.provider.awareness.getStates().get(onA.doc.clientID);
      expect(state?.cursor).toEqual({ at: 3 });
      // The name and role are stamped by the instance the client is on (SPEC 2.5).
      expect(state?.role).toBe('editor');
    });
    onB.provider.awareness.setLocalStateField('cursor', { at: 5 });
    await eventually(() => expect(onA.provider.awareness.getStates().get(onB.doc.clientID)?.cursor).toEqual({ at: 5 }));

    onA.provider.disconnect();
    await eventually(() => expect(onB.provider.awareness.getStates().has(onA.doc.clientID)).toBe(false));
  });

  it('SPEC 17.12 an instance that loads a room asks the others for their peers\' presence, so a joiner there sees them at once', async () => {
    const { env } = await cluster();
    const [a, b] = [await instance(env), await instance(env)];
    const { id, tokens } = await a.createDocument();
    const onA = client(a.wsUrl, id, tokens.editor);
    await synced(onA);
    onA.provider.awareness.setLocalStateField('cursor', { at: 7 });
    // B has never held the room: it loads it for this joiner, long before onA renews its presence (15 s).
    const onB = client(b.wsUrl, id, tokens.viewer);
    await synced(onB);
    await eventually(() => expect(onB.provider.awareness.getStates().get(onA.doc.clientID)?.cursor).toEqual({ at: 7 }));
  });

  it('SPEC 17.9 a room subscribes before it reads the store: what is published while it loads is applied after, unless the load already holds its seq', async () => {
    const { db, env } = await cluster();
    const [a, b] = [await instance(env), await instance(env)];
    const { id, tokens } = await a.createDocument();
    const loadedSeq = Number((await db.sql('SELECT last_seq FROM room_seqs WHERE room = $1', [id])).rows[0].last_seq);

    // Holds B's read of the room (it reads the snapshots table) until the messages are out.
    const locker = new pg.Client({ connectionString: db.url });
    await locker.connect();
    const publisher = createClient({ url: REDIS_URL });
    await publisher.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE snapshots IN ACCESS EXCLUSIVE MODE');
      const joiner = client(b.wsUrl, id, tokens.viewer);
      await eventually(async () => {
        const waiting = await db.sql("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'", [db.name]);
        expect(waiting.rows[0].n).toBeGreaterThan(0);
      });
      // As another instance would publish them: one past what B is loading, one it already holds.
      const publish = (seq: number, text: string) => {
        const doc = new Y.Doc();
        doc.getText('log').insert(0, `${text};`);
        const message = encodeFanout({ kind: 'update', instance: 'another', seq, update: Y.encodeStateAsUpdate(doc) });
        return publisher.publish(env.REDIS_PREFIX + id, Buffer.from(message));
      };
      expect(await publish(loadedSeq, 'already-loaded')).toBe(1);
      expect(await publish(loadedSeq + 1, 'published-while-loading')).toBe(1);
      await locker.query('COMMIT');
      await eventually(() => expect(markers(joiner)).toEqual(['published-while-loading']));
    } finally {
      publisher.destroy();
      await locker.end();
    }
  });

  it('SPEC 17.9 clients joining an instance while clients on another type lose nothing', async () => {
    const { env } = await cluster();
    const a = await instance(env);
    // The room unloads at once on B, so each joiner there loads it afresh while A's client types.
    const b = await instance({ ...env, ROOM_IDLE_MS: '1' });
    const { id, tokens } = await a.createDocument();
    const writer = client(a.wsUrl, id, tokens.editor);
    await synced(writer);
    let n = 0;
    const stream = setInterval(() => type(writer, `w${n++}-`, 3), 2);
    try {
      for (let round = 0; round < 5; round++) {
        const joiner = client(b.wsUrl, id, tokens.viewer);
        await synced(joiner);
        const written = log(writer).toString();
        await eventually(() => expect(log(joiner).toString().startsWith(written)).toBe(true), { timeout: 10_000 });
        joiner.destroy();
      }
    } finally {
      clearInterval(stream);
    }
    const last = client(b.wsUrl, id, tokens.viewer);
    await eventually(() => expect(log(last).toString()).toBe(log(writer).toString()), { timeout: 10_000 });
  });

  it('SPEC 17.11 the subscribed Redis connections killed: the instances subscribe again, catch up from the store, and clients converge', async () => {
    const { env } = await cluster();
    const [a, b] = [await instance(env), await instance(env)];
    const { id, tokens } = await a.createDocument();
    const onA = client(a.wsUrl, id, tokens.editor);
    const onB = client(b.wsUrl, id, tokens.editor);
    await synced(onA, onB);

    const admin = createClient({ url: REDIS_URL });
    await admin.connect();
    try {
      // Only this test's subscriptions: their connections are named after its prefix.
      const listed = await admin.sendCommand<string>(['CLIENT', 'LIST', 'TYPE', 'pubsub']);
      const ours = listed.split('\n').filter((line) => line.includes(`name=${env.REDIS_PREFIX}`));
      expect(ours).toHaveLength(2);
      for (const line of ours) await admin.sendCommand(['CLIENT', 'KILL', 'ID', /\bid=(\d+)/.exec(line)![1]]);
    } finally {
      admin.destroy();
    }
    // Typed on A while the subscriptions are gone: published to nobody, and nothing after it tells B
    // of a gap; B reads it from the store once subscribed again.
    type(onA, 'a', 10);
    await eventually(() => expect(markers(onB)).toHaveLength(10), { timeout: 10_000 });
    type(onB, 'b', 10);
    await eventually(() => {
      expect(markers(onA)).toHaveLength(20);
      expect(log(onB).toString()).toBe(log(onA).toString());
    }, { timeout: 10_000 });
  });

  it('SPEC 17.11 Redis restarted: the instances reconnect, catch up from the store, and clients converge; /healthz answers 503 meanwhile (SPEC 17.14)', async () => {
    const redis = await startOwnRedis();
    defer(() => redis.stop());
    const { env } = await cluster(redis.url);
    const [a, b] = [await instance(env), await instance(env)];
    expect((await a.api('GET', '/healthz')).status).toBe(200);
    const { id, tokens } = await a.createDocument();
    const onA = client(a.wsUrl, id, tokens.editor);
    const onB = client(b.wsUrl, id, tokens.editor);
    await synced(onA, onB);

    await redis.stop();
    await eventually(async () => {
      const health = await a.api('GET', '/healthz');
      expect([health.status, health.body.error?.code]).toEqual([503, 'fanout_unavailable']);
    });
    // Typed on A while Redis is down: stored and sent to A's own peers, never published; B reads it
    // from the store once Redis is back.
    type(onA, 'a', 10);
    // A answers a joiner only with what is stored (SPEC 4.1): so all ten are stored before Redis returns.
    const joinerOnA = client(a.wsUrl, id, tokens.viewer);
    await eventually(() => expect(markers(joinerOnA)).toHaveLength(10));
    await redis.start();
    await eventually(() => expect(markers(onB)).toHaveLength(10), { timeout: 15_000 });
    type(onB, 'b', 10);
    await eventually(() => {
      expect(markers(onA)).toHaveLength(20);
      expect(log(onB).toString()).toBe(log(onA).toString());
    }, { timeout: 15_000 });
    await eventually(async () => expect((await b.api('GET', '/healthz')).status).toBe(200));
    expect(await metric(b, 'tandem_fanout_catchups_total', '{reason="reconnect"}')).toBeGreaterThan(0);
  });

  it('SPEC 17.10 an update stored but never published (its instance gone between commit and publish) is read from the store once a later seq shows the gap', async () => {
    const { db, env } = await cluster();
    const [a, b] = [await instance(env), await instance(env)];
    const { id, tokens } = await a.createDocument();
    const onA = client(a.wsUrl, id, tokens.editor);
    const onB = client(b.wsUrl, id, tokens.editor);
    await synced(onA, onB);

    // A third instance's append that nobody hears of: stored in the shared log, never published.
    await appendUnheard(db, id, 'ghost;');
    type(onA, 'a', 1);
    await eventually(() => {
      expect(markers(onA)).toEqual(expect.arrayContaining(['ghost', 'a0']));
      expect(log(onB).toString()).toBe(log(onA).toString());
    });
    expect(await metric(b, 'tandem_fanout_catchups_total', '{reason="gap"}')).toBeGreaterThan(0);
  });

  it('SPEC 17.10 kill -9 of an instance mid-stream: its clients reconnect to another and converge, and nothing a peer saw is lost', async () => {
    const { env } = await cluster();
    const [a, b] = [await childInstance(env), await childInstance(env)];
    const { id, tokens } = await createDocumentAt(a.url);
    const writer = client(a.wsUrl, id, tokens.editor);
    const peer = client(b.wsUrl, id, tokens.viewer);
    await synced(writer, peer);

    let n = 0;
    const stream = setInterval(() => type(writer, `w${n++}-`, 5), 1);
    await eventually(() => expect(markers(peer).length).toBeGreaterThan(200), { timeout: 15_000 });
    a.process.kill('SIGKILL');
    const seen = markers(peer);
    await new Promise((resolve) => setTimeout(resolve, 30));
    clearInterval(stream);
    await a.exited;

    // The writer's page reconnects to B (any instance serves any document) with what it has.
    writer.provider.destroy();
    const again = client(b.wsUrl, id, tokens.editor, writer.doc);
    await synced(again);
    await eventually(() => expect(log(peer).toString()).toBe(log(writer).toString()), { timeout: 10_000 });
    const fresh = client(b.wsUrl, id, tokens.viewer);
    await eventually(() => expect(log(fresh).toString()).toBe(log(writer).toString()), { timeout: 10_000 });
    expect(markers(fresh)).toEqual(expect.arrayContaining(seen));
  });

  it('SPEC 17.13 instances compacting one room as both write to it lose no update: a fresh instance loads every one', async () => {
    const { db, env } = await cluster();
    const compacting = { ...env, COMPACT_EVERY: '5' };
    const [a, b] = [await instance(compacting), await instance(compacting)];
    const { id, tokens } = await a.createDocument();
    const onA = client(a.wsUrl, id, tokens.editor);
    const onB = client(b.wsUrl, id, tokens.editor);
    await synced(onA, onB);
    for (let round = 0; round < 30; round++) {
      type(onA, `a${round}-`, 3);
      type(onB, `b${round}-`, 3);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await eventually(() => {
      expect(markers(onA)).toHaveLength(180);
      expect(log(onB).toString()).toBe(log(onA).toString());
    }, { timeout: 10_000 });
    // Both compacted meanwhile: the log holds a snapshot and only what came after it.
    await eventually(async () => expect((await db.sql('SELECT seq FROM snapshots WHERE room = $1', [id])).rowCount).toBe(1));

    const c = await instance(env);
    const fresh = client(c.wsUrl, id, tokens.viewer);
    await eventually(() => expect(log(fresh).toString()).toBe(log(onA).toString()), { timeout: 10_000 });
  });

  it('SPEC 17.13 a room compacts only up to the seq through which every instance\'s updates are in its doc: an update it has not yet received stays in the log', async () => {
    const { db, env } = await cluster();
    const a = await instance({ ...env, COMPACT_EVERY: '5' });
    const { id, tokens } = await a.createDocument();
    const onA = client(a.wsUrl, id, tokens.editor);
    await synced(onA);
    // Another instance's update, stored and not (yet) heard of on A…
    await appendUnheard(db, id, 'ghost;');
    // …then five of A's own, so A compacts at once, before the gap makes it read the store.
    type(onA, 'a', 5);
    await eventually(async () => expect((await db.sql('SELECT seq FROM snapshots WHERE room = $1', [id])).rowCount).toBe(1));

    const b = await instance(env);
    const fresh = client(b.wsUrl, id, tokens.viewer);
    await eventually(() => expect(markers(fresh).sort()).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'ghost']));
  });

  it('SPEC 17.13 the shared log is compacted on its own length: two instances appending COMPACT_EVERY/2 and more each, neither reaching it alone', async () => {
    const { db, env } = await cluster();
    const compacting = { ...env, COMPACT_EVERY: '20' };
    const [a, b] = [await instance(compacting), await instance(compacting)];
    const { id, tokens } = await a.createDocument();
    const onA = client(a.wsUrl, id, tokens.editor);
    const onB = client(b.wsUrl, id, tokens.editor);
    await synced(onA, onB);
    type(onA, 'a', 11);
    await eventually(() => expect(markers(onB)).toHaveLength(11), { timeout: 10_000 });
    expect((await db.sql('SELECT seq FROM snapshots WHERE room = $1', [id])).rowCount).toBe(0);
    type(onB, 'b', 11);
    await eventually(() => expect(markers(onA)).toHaveLength(22), { timeout: 10_000 });
    // 23 updates went into the log (the import's and 22 typed): a snapshot now holds at least 20 of them.
    await eventually(async () => {
      const { rows } = await db.sql('SELECT seq FROM snapshots WHERE room = $1', [id]);
      expect(Number(rows[0]?.seq)).toBeGreaterThanOrEqual(20);
      expect(await storedUpdates(db, id)).toBeLessThanOrEqual(3);
    }, { timeout: 10_000 });

    const c = await instance(env);
    const fresh = client(c.wsUrl, id, tokens.viewer);
    await eventually(() => expect(log(fresh).toString()).toBe(log(onA).toString()), { timeout: 10_000 });
  });

  it('SPEC 17.11 Redis unreachable at start: the server does not start, and says so without the password', async () => {
    const redis = await startOwnRedis();
    await redis.stop();
    const { env } = await cluster();
    const url = redis.url.replace('redis://', 'redis://:secret-password@');
    const failed = await startTestServer({ ...env, REDIS_URL: url }).catch((error: Error) => error);
    expect(failed).toBeInstanceOf(FanoutUnavailable);
    expect((failed as Error).message).toMatch(/^cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+/);
    expect((failed as Error).message).not.toContain('secret-password');
  });

  it('SPEC 17.8 REDIS_URL without DATABASE_URL is refused: fan-out needs a shared store', async () => {
    await expect(startTestServer({ REDIS_URL })).rejects.toThrow(/REDIS_URL.*needs DATABASE_URL/);
  });
});
