// PostgreSQL schema and its migrations, tracked in the tandem_migrations table. Instances starting at
// once migrate one at a time: each takes an advisory lock for the whole migration transaction.
import type pg from 'pg';
import { LOCKS } from './locks.js';

/** Migration i brings the schema from version i to i + 1. Append new steps; never edit old ones. */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    segment_count INTEGER NOT NULL DEFAULT 0,
    token_generation INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE updates (
    room TEXT NOT NULL,
    seq BIGINT NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (room, seq)
  );
  CREATE TABLE snapshots (
    room TEXT PRIMARY KEY,
    seq BIGINT NOT NULL,
    data BYTEA NOT NULL
  );
  -- The last seq handed out per room: the row's lock orders appends to a room across instances.
  CREATE TABLE room_seqs (
    room TEXT PRIMARY KEY,
    last_seq BIGINT NOT NULL
  );
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  -- Versions (SPEC 16): ord orders versions saved in one millisecond.
  CREATE TABLE versions (
    ord BIGSERIAL,
    doc_id TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    auto BOOLEAN NOT NULL,
    author TEXT,
    created_at BIGINT NOT NULL,
    content BYTEA NOT NULL,
    review BYTEA NOT NULL,
    PRIMARY KEY (doc_id, id)
  );
  CREATE INDEX versions_by_time ON versions (doc_id, created_at);
  `,
  // The translation memory (SPEC 18.1): ord orders units as added; the normalised texts carry
  // pg_trgm's GIN trigram indexes (concordance: text anywhere); an identical source is found by its
  // hash (a B-tree entry cannot hold a long text); tm_words lists each unit's source words, so the
  // newest units holding a word are an index range (fuzzy candidates, SPEC 18.3).
  `
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  CREATE TABLE tm_units (
    ord BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    key TEXT NOT NULL UNIQUE,
    pair TEXT NOT NULL,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    source_norm TEXT NOT NULL,
    target_norm TEXT NOT NULL,
    doc_id TEXT,
    segment_id TEXT,
    status TEXT NOT NULL,
    confirmed_by TEXT,
    confirmed_at BIGINT NOT NULL,
    context TEXT
  );
  CREATE INDEX tm_units_exact ON tm_units (pair, md5(source_norm));
  CREATE INDEX tm_units_by_time ON tm_units (pair, confirmed_at, ord);
  CREATE INDEX tm_units_source_trgm ON tm_units USING gin (source_norm gin_trgm_ops);
  CREATE INDEX tm_units_target_trgm ON tm_units USING gin (target_norm gin_trgm_ops);
  CREATE TABLE tm_words (
    pair TEXT NOT NULL,
    word TEXT NOT NULL,
    ord BIGINT NOT NULL REFERENCES tm_units (ord) ON DELETE CASCADE,
    PRIMARY KEY (pair, word, ord)
  );
  CREATE INDEX tm_words_by_unit ON tm_words (ord);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Applies every migration the database has not seen yet, in one transaction under the migration lock. */
export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', LOCKS.migrate);
    await client.query(`CREATE TABLE IF NOT EXISTS tandem_migrations (
      version INTEGER PRIMARY KEY,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number | null }>('SELECT MAX(version) AS version FROM tandem_migrations');
    const current = rows[0].version ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new Error(`the database has schema version ${current}; this build knows up to ${SCHEMA_VERSION}`);
    }
    for (let version = current; version < SCHEMA_VERSION; version++) {
      await client.query(MIGRATIONS[version]);
      await client.query('INSERT INTO tandem_migrations (version) VALUES ($1)', [version + 1]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
