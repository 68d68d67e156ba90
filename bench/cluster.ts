// Tandem instances sharing one PostgreSQL database and one Redis, as a deployment runs them
// (docs/DEPLOY.md): the machine's servers by default, BENCH_POSTGRES_URL (a user that may create
// databases) and BENCH_REDIS_URL to name others. Each cluster gets a fresh database, dropped after,
// and a Redis prefix of its own.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createClient } from 'redis';
import { createBenchDatabase } from './fresh-database.js';
import { startServer, type BenchServer } from './servers.js';

export const CLUSTER_POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const CLUSTER_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Why a cluster cannot run here (PostgreSQL or Redis not answering), or null when it can. */
export async function clusterUnavailable(): Promise<string | null> {
  const database = new pg.Client({ connectionString: CLUSTER_POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await database.connect();
  } catch (error) {
    return `PostgreSQL at ${CLUSTER_POSTGRES_URL} does not answer (${(error as Error).message})`;
  } finally {
    await database.end().catch(() => {});
  }
  const redis = createClient({ url: CLUSTER_REDIS_URL, socket: { reconnectStrategy: false, connectTimeout: 3000 } });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    return `Redis at ${CLUSTER_REDIS_URL} does not answer (${(error as Error).message})`;
  } finally {
    redis.destroy();
  }
  return null;
}

/**
 * Runs `run` with `count` Tandem instances started at once on a fresh database (so they also migrate
 * it at once) and a fresh Redis prefix; stops them and drops the database after. `logLines` gets
 * each instance's log.
 */
export async function withCluster<T>(count: number, run: (instances: BenchServer[]) => Promise<T>, logLines: (lines: string[]) => void): Promise<T> {
  const database = await createBenchDatabase(CLUSTER_POSTGRES_URL);
  const env = { DATABASE_URL: database.url, REDIS_URL: CLUSTER_REDIS_URL, REDIS_PREFIX: `tandem-bench-${randomBytes(6).toString('hex')}:` };
  const started = await Promise.allSettled(Array.from({ length: count }, () => startServer('tandem', { env })));
  const instances = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  try {
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    return await run(instances);
  } finally {
    for (const instance of instances) logLines(instance.logLines());
    await Promise.all(instances.map((instance) => instance.stop()));
    await database.drop();
  }
}
