import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openSqliteMemory } from '../../../server/memory/sqlite-memory.js';
import { openSqliteStore } from '../../../server/storage/sqlite.js';
import { memoryContract } from '../../contract/memory.contract.js';
import { tempDir } from '../storage/temp-store.js';

memoryContract('SQLite', async () => {
  const dir = await tempDir();
  const path = join(dir, 'tandem.db');
  let memory = openSqliteMemory(path);
  return {
    memory,
    reopen: async () => {
      await memory.close();
      memory = openSqliteMemory(path);
      return memory;
    },
    cleanup: async () => {
      await memory.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite translation memory', () => {
  it('SPEC 18.1 lives in tandem.db beside the store, on a connection of its own, with an FTS5 trigram index', async () => {
    const dir = await tempDir();
    const store = openSqliteStore({ dir });
    const memory = openSqliteMemory(store.path);
    try {
      await memory.upsertUnit({
        source: 'Hello', target: 'নমস্কার', sourceLang: 'en', targetLang: 'bn', docId: null, segmentId: null,
        status: 'approved', confirmedBy: null, confirmedAt: 1, context: null,
      });
      const db = new Database(store.path, { readonly: true });
      expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'tm_fts'").get()).toMatchObject({ sql: expect.stringContaining('trigram') });
      expect(db.prepare('SELECT count(*) AS n FROM tm_units').get()).toEqual({ n: 1 });
      db.close();
    } finally {
      await memory.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
