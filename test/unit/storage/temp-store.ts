// SQLite stores in fresh temporary directories, for tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStore } from '../../../server/storage/sqlite.js';
import type { StoreHarness } from '../../contract/store.contract.js';

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'tandem-store-'));
}

export async function openTempSqlite(fsync = false): Promise<StoreHarness & { dir: string; current: () => SqliteStore }> {
  const dir = await tempDir();
  let store = openSqliteStore({ dir, fsync });
  return {
    dir,
    store,
    current: () => store,
    reopen: async () => {
      await store.close();
      store = openSqliteStore({ dir, fsync });
      return store;
    },
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
