// Redis unreachable or gone silent while serving (SPEC 17.21): one instance reaches Redis through a
// TCP proxy the test cuts (connections end, new ones are refused) or holds (connections stay open,
// nothing comes back); the other reaches it directly. Real PostgreSQL, real Redis, stock clients.
import { describe, expect, it } from 'vitest';
import { synced, useCluster, type Client } from '../helpers/cluster.js';
import { eventually } from '../helpers/eventually.js';
import { createClient } from 'redis';
import { REDIS_URL } from '../helpers/redis.js';
import type { TestServer } from '../helpers/server.js';

const { shared, instance, proxy, client, defer } = useCluster();

const log = (c: Client) => c.doc.getText('log');
const text = (c: Client) => log(c).toString();
const append = (c: Client, marker: string) => log(c).insert(log(c).length, marker);

async function health(server: TestServer): Promise<[number, string | undefined]> {
  const { status, body } = await server.api('GET', '/healthz');
  return [status, body.error?.code];
}

/** The value of a gauge of an instance's /metrics. */
async function gauge(server: TestServer, name: string): Promise<number> {
  const metrics = (await server.api('GET', '/metrics')).body as string;
  const line = metrics.split('\n').find((l) => l.startsWith(`${name} `));
  return Number(line?.split(' ')[1]);
}

/** Instance A reaches Redis through a proxy, B directly; one article with an editor on each, synced. */
async function twoInstances() {
  const { env } = await shared();
  const redis = new URL(REDIS_URL);
  const link = await proxy(redis.hostname, Number(redis.port || 6379));
  const a = await instance({ ...env, REDIS_URL: link.via(REDIS_URL), REDIS_TIMEOUT_MS: '1000', COMPACT_EVERY: '100000' });
  const b = await instance({ ...env, COMPACT_EVERY: '100000' });
  const { id, tokens } = await a.createDocument();
  const onA = client(a.wsUrl, id, tokens.editor);
  const onB = client(b.wsUrl, id, tokens.editor);
  await synced(onA, onB);
  append(onA, 'a0;');
  await eventually(() => expect(text(onB)).toBe('a0;'));
  expect(await gauge(a, 'tandem_fanout_up')).toBe(1);
  return { link, a, b, id, tokens, onA, onB };
}

describe('Redis unreachable or silent while serving (SPEC 17.21)', { timeout: 60_000 }, () => {
  for (const outage of ['silent', 'cut'] as const) {
    it(`SPEC 17.21 Redis ${outage === 'silent' ? 'gone silent (connections open, no answer)' : 'cut (connections end, new ones refused)'}: the instance serves its own clients, joiners of rooms it had not loaded too, and says it is unhealthy; once Redis answers, updates cross both ways again and nothing is lost`, async () => {
      const { link, a, b, id, tokens, onA, onB } = await twoInstances();
      const viewerOnB = client(b.wsUrl, id, tokens.viewer);
      await synced(viewerOnB);
      if (outage === 'silent') link.hold();
      else link.cut();

      // B goes on alone; A does not hear of it.
      append(onB, 'b1;');
      await eventually(() => expect(text(viewerOnB)).toContain('b1;'));
      // A's own clients go on: an edit on A reaches A's viewer (stored, then sent). Stored after
      // b1, it shows A a gap it reads from the store (17.10); B hears of nothing after b1.
      const viewerOnA = client(a.wsUrl, id, tokens.viewer);
      await synced(viewerOnA);
      append(onA, 'a1;');
      await eventually(() => expect(text(viewerOnA)).toContain('a1;'), { timeout: 10_000 });
      // A room A had not loaded: subscribing waits at most REDIS_TIMEOUT_MS, then the room loads.
      const other = await a.createDocument();
      const newOnA = client(a.wsUrl, other.id, other.tokens.editor);
      await synced(newOnA);
      append(newOnA, 'new-a;');
      expect((await a.api('GET', `/api/documents/${other.id}`)).status).toBe(200);
      // A says it is unhealthy: /healthz and the gauge.
      await eventually(async () => expect(await health(a)).toEqual([503, 'fanout_unavailable']), { timeout: 10_000 });
      await eventually(async () => expect(await gauge(a, 'tandem_fanout_up')).toBe(0), { timeout: 10_000 });
      expect(await health(b)).toEqual([200, undefined]);

      if (outage === 'silent') link.release();
      else link.restore();
      // Redis answers again: A subscribes again and catches up, and tells B how far the store holds
      // the room, so B's clients get A's edit with nobody typing; then both rooms cross both ways,
      // the one A loaded meanwhile too.
      await eventually(async () => expect(await health(a)).toEqual([200, undefined]), { timeout: 15_000 });
      expect(await gauge(a, 'tandem_fanout_up')).toBe(1);
      await eventually(() => {
        for (const c of [onA, onB, viewerOnA, viewerOnB]) for (const marker of ['a0;', 'a1;', 'b1;']) expect(text(c)).toContain(marker);
      }, { timeout: 15_000 });
      append(onB, 'b2;');
      append(onA, 'a2;');
      await eventually(() => {
        expect(text(onA)).toContain('b2;');
        expect(text(onB)).toContain('a2;');
        expect(text(onB)).toBe(text(onA));
      }, { timeout: 15_000 });
      const newOnB = client(b.wsUrl, other.id, other.tokens.editor);
      await synced(newOnB);
      expect(text(newOnB)).toBe('new-a;');
      append(newOnB, 'new-b;');
      await eventually(() => expect(text(newOnA)).toBe('new-a;new-b;'), { timeout: 15_000 });
      append(newOnA, 'new-a2;');
      await eventually(() => expect(text(newOnB)).toBe('new-a;new-b;new-a2;'), { timeout: 15_000 });
    });
  }
});

describe('Unsubscribing while Redis is away (SPEC 17.9)', { timeout: 60_000 }, () => {
  it('SPEC 17.9 a room that unloads while Redis is cut is not subscribed again once Redis answers; a room still loaded is, and so is one that unloads and loads again meanwhile', async () => {
    const { env } = await shared();
    const redis = new URL(REDIS_URL);
    const link = await proxy(redis.hostname, Number(redis.port || 6379));
    const a = await instance({ ...env, REDIS_URL: link.via(REDIS_URL), REDIS_TIMEOUT_MS: '1000', ROOM_IDLE_MS: '100' });
    const watcher = createClient({ url: REDIS_URL });
    await watcher.connect();
    defer(() => watcher.destroy());
    const channels = () => watcher.pubSubChannels(`${env.REDIS_PREFIX}*`);
    const [kept, left, back] = [await a.createDocument(), await a.createDocument(), await a.createDocument()];
    const stays = client(a.wsUrl, kept.id, kept.tokens.editor);
    const leaves = client(a.wsUrl, left.id, left.tokens.editor);
    const comesBack = client(a.wsUrl, back.id, back.tokens.editor);
    await synced(stays, leaves, comesBack);
    await eventually(async () => {
      const now = await channels();
      for (const { id } of [kept, left, back]) expect(now.some((c) => c.includes(id))).toBe(true);
    }, { timeout: 10_000 });

    link.cut();
    leaves.destroy();
    comesBack.destroy();
    await eventually(async () => expect(await gauge(a, 'tandem_rooms')).toBe(1), { timeout: 10_000 });
    await synced(client(a.wsUrl, back.id, back.tokens.editor));
    link.restore();
    await eventually(async () => expect(await health(a)).toEqual([200, undefined]), { timeout: 15_000 });
    // The reconnected connection is subscribed again to the loaded rooms' channels, and the
    // unloaded room's channel is not among its subscriptions.
    await eventually(async () => {
      const now = await channels();
      expect(now.some((c) => c.includes(kept.id))).toBe(true);
      expect(now.some((c) => c.includes(back.id))).toBe(true);
      expect(now.filter((c) => c.includes(left.id))).toEqual([]);
    }, { timeout: 10_000 });
  });
});
