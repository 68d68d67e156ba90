// Fresh PostgreSQL databases for tests, on the machine's server (TEST_POSTGRES_URL, default
// postgres://postgres@127.0.0.1:5432/postgres): each test file creates its own and drops it after,
// so parallel runs never share one.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  name: string;
  url: string;
  /** Runs SQL as the superuser on this database (for what a test does behind the store's back). */
  sql(text: string, values?: unknown[]): Promise<pg.QueryResult>;
  /** Drops the database, ending whatever connections are still open on it. */
  drop(): Promise<void>;
}

async function onAdmin<T>(work: (client: pg.Client) => Promise<T>, url = POSTGRES_ADMIN_URL): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `tandem_test_${randomBytes(6).toString('hex')}`;
  await onAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    sql: (text, values) => onAdmin((client) => client.query(text, values), url.toString()),
    drop: () => onAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

/** Empties every table of the Tandem schema, keeping the schema (between tests of one file). */
export async function emptyTables(db: TestDatabase): Promise<void> {
  await db.sql('TRUNCATE documents, updates, snapshots, room_seqs, settings, versions, tm_units, tm_words');
}
