// Which stores a server runs on (SPEC 17.1, 18.1): with DATABASE_URL the documents and the
// translation memory are both in PostgreSQL (one pool), so every instance on that database shares
// them; else both are in the embedded SQLite file in DATA_DIR, checked quickly at start (SPEC 4.9;
// that check reads SQLite only), the memory on a connection of its own.
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { MemoryStore } from '../memory/memory-store.js';
import type { Store } from './store.js';

export interface Stores {
  store: Store;
  memory: MemoryStore;
}

/** `onLost`: told when a PostgreSQL connection is lost while idle (the server stopped or restarted). */
export async function openStores(config: Config, logger: Logger, onLost?: (error: Error) => void): Promise<Stores> {
  if (config.DATABASE_URL) {
    // Loaded here, so the embedded default never loads the PostgreSQL driver.
    const { openPostgresStore } = await import('./postgres/store.js');
    const { PostgresMemory } = await import('../memory/postgres-memory.js');
    const store = await openPostgresStore({
      url: config.DATABASE_URL,
      queryTimeoutMs: config.STORE_TIMEOUT_MS,
      onIdleError: (error) => {
        logger.warn({ err: error }, 'a PostgreSQL connection was lost while idle');
        onLost?.(error);
      },
    });
    logger.info('store: PostgreSQL');
    return { store, memory: new PostgresMemory(store.pool) };
  }
  const { openSqliteStore } = await import('./sqlite.js');
  const { checkAtStart } = await import('./check-at-start.js');
  const { openSqliteMemory } = await import('../memory/sqlite-memory.js');
  const store = openSqliteStore({ dir: config.DATA_DIR, fsync: config.FSYNC });
  checkAtStart(config.DATA_DIR, logger);
  return { store, memory: openSqliteMemory(store.path) };
}
