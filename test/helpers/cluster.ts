// Instances on one PostgreSQL database and one Redis for the scale-out tests (SPEC 17), and what a
// test starts for them ended after it. A test file calls useCluster() at its top level.
import { afterEach, expect } from 'vitest';
import { connectProvider } from './clients.js';
import { eventually } from './eventually.js';
import { createTestDatabase, type TestDatabase } from './postgres.js';
import { REDIS_URL, redisPrefix } from './redis.js';
import { startTestServer, type TestServer } from './server.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';

export type Client = ReturnType<typeof connectProvider>;

export const synced = (...all: Client[]) => eventually(() => expect(all.every((c) => c.provider.synced)).toBe(true), { timeout: 10_000 });

/** A type, not an interface, so that it is also a Record<string, string>. */
export type SharedEnv = { DATABASE_URL: string; REDIS_URL: string; REDIS_PREFIX: string };

export interface Cluster {
  /** A fresh database and a Redis prefix of its own: the environment the test's instances share. */
  shared(redisUrl?: string): Promise<{ db: TestDatabase; env: SharedEnv }>;
  database(): Promise<TestDatabase>;
  instance(env: Record<string, string>): Promise<TestServer>;
  /** A proxy to host:port the test can cut, restore, hold and release. */
  proxy(host: string, port: number): Promise<TcpProxy>;
  client(wsUrl: string, room: string, token: string, doc?: Client['doc']): Client;
  /** Ends something else after the test: after the instances, before the databases; the last deferred first. */
  defer(end: () => unknown): void;
}

/** Registers, in the calling test file, the ending of all a test started through the returned cluster. */
export function useCluster(): Cluster {
  const clients: Client[] = [];
  const proxies: TcpProxy[] = [];
  const servers: TestServer[] = [];
  const deferred: Array<() => unknown> = [];
  const databases: TestDatabase[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    // Let everything through again, so the instances close cleanly.
    for (const proxy of proxies) {
      proxy.restore();
      proxy.release();
    }
    await Promise.all(servers.splice(0).map((server) => server.dispose()));
    for (const end of deferred.splice(0).reverse()) await end();
    await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
    await Promise.all(databases.splice(0).map((db) => db.drop()));
  });

  const cluster: Cluster = {
    async shared(redisUrl = REDIS_URL) {
      const db = await cluster.database();
      return { db, env: { DATABASE_URL: db.url, REDIS_URL: redisUrl, REDIS_PREFIX: redisPrefix() } };
    },
    async database() {
      const db = await createTestDatabase();
      databases.push(db);
      return db;
    },
    async instance(env) {
      const server = await startTestServer(env);
      servers.push(server);
      return server;
    },
    async proxy(host, port) {
      const proxy = await startTcpProxy(host, port);
      proxies.push(proxy);
      return proxy;
    },
    client(wsUrl, room, token, doc) {
      const connected = connectProvider(wsUrl, room, { token, doc });
      clients.push(connected);
      return connected;
    },
    defer(end) {
      deferred.push(end);
    },
  };
  return cluster;
}
