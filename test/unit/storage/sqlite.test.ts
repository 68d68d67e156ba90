import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../server/storage/sqlite-schema.js';
import { openSqliteStore } from '../../../server/storage/sqlite.js';
import { storeContract } from '../../contract/store.contract.js';
import { openTempSqlite } from './temp-store.js';

storeContract('SQLite', () => openTempSqlite());

describe('SQLite store', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  async function open(fsync = false) {
    const harness = await openTempSqlite(fsync);
    cleanup = harness.cleanup;
    return harness;
  }

  it('SPEC 4.3 runs in WAL mode with synchronous=NORMAL by default', async () => {
    const { current } = await open();
    expect(current().pragma('journal_mode')).toBe('wal');
    expect(current().pragma('synchronous')).toBe(1);
    expect(current().pragma('busy_timeout')).toBeGreaterThan(0);
  });

  it('SPEC 4.3 uses synchronous=FULL with fsync', async () => {
    const { current } = await open(true);
    expect(current().pragma('journal_mode')).toBe('wal');
    expect(current().pragma('synchronous')).toBe(2);
  });

  it('SQLite store: keeps tandem.db on disk, creating a missing directory', async () => {
    const harness = await open();
    const nested = join(harness.dir, 'a', 'b');
    const store = openSqliteStore({ dir: nested });
    await store.getOrSetSetting('k', () => 'v');
    await store.close();
    expect(existsSync(join(nested, 'tandem.db'))).toBe(true);
    expect(harness.current().path).toBe(join(harness.dir, 'tandem.db'));
    expect(existsSync(harness.current().path)).toBe(true);
  });

  it('SQLite store: records the schema version and does not migrate twice', async () => {
    const harness = await open();
    await harness.reopen();
    const db = new Database(harness.current().path, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
      // The translation memory's table and its FTS5 index (SPEC 18.1) too.
      expect(tables).toEqual(['documents', 'settings', 'snapshots', 'tm_fts', 'tm_fts_config', 'tm_fts_data', 'tm_fts_docsize', 'tm_fts_idx', 'tm_units', 'updates', 'versions']);
    } finally {
      db.close();
    }
  });
});
