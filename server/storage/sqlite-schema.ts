// SQLite schema and its migrations, tracked in `PRAGMA user_version`.
import type Database from 'better-sqlite3';

/** Migration i brings the schema from version i to i + 1. Append new steps; never edit old ones. */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    segment_count INTEGER NOT NULL DEFAULT 0,
    token_generation INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE updates (
    room TEXT NOT NULL,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (room, seq)
  ) WITHOUT ROWID;
  CREATE TABLE snapshots (
    room TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL
  );
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // Versions (SPEC 16): both rooms' full state under a name; rowid orders versions saved in one ms.
  `
  CREATE TABLE versions (
    doc_id TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    auto INTEGER NOT NULL,
    author TEXT,
    created_at INTEGER NOT NULL,
    content BLOB NOT NULL,
    review BLOB NOT NULL,
    UNIQUE (doc_id, id)
  );
  CREATE INDEX versions_by_time ON versions (doc_id, created_at);
  `,
  // The translation memory (SPEC 18, server/memory/): units keyed by their segment, or by their
  // pair and texts; normalised texts indexed by trigrams for fuzzy lookup and concordance.
  `
  CREATE TABLE tm_units (
    rowid INTEGER PRIMARY KEY,
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
    confirmed_at INTEGER NOT NULL,
    context TEXT
  );
  CREATE INDEX tm_units_exact ON tm_units (pair, source_norm);
  CREATE INDEX tm_units_by_time ON tm_units (pair, confirmed_at);
  CREATE VIRTUAL TABLE tm_fts USING fts5(source_norm, target_norm, content='tm_units', content_rowid='rowid', tokenize='trigram');
  CREATE TRIGGER tm_units_ai AFTER INSERT ON tm_units BEGIN
    INSERT INTO tm_fts (rowid, source_norm, target_norm) VALUES (new.rowid, new.source_norm, new.target_norm);
  END;
  CREATE TRIGGER tm_units_ad AFTER DELETE ON tm_units BEGIN
    INSERT INTO tm_fts (tm_fts, rowid, source_norm, target_norm) VALUES ('delete', old.rowid, old.source_norm, old.target_norm);
  END;
  CREATE TRIGGER tm_units_au AFTER UPDATE OF source_norm, target_norm ON tm_units BEGIN
    INSERT INTO tm_fts (tm_fts, rowid, source_norm, target_norm) VALUES ('delete', old.rowid, old.source_norm, old.target_norm);
    INSERT INTO tm_fts (rowid, source_norm, target_norm) VALUES (new.rowid, new.source_norm, new.target_norm);
  END;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration the database has not seen yet, each in its own transaction. */
export function migrate(db: Database.Database): void {
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new Error(`tandem.db has schema version ${current}; this build knows up to ${SCHEMA_VERSION}`);
  }
  for (let version = current; version < SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
