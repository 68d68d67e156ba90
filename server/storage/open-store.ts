// Which store a server runs on (SPEC 17.1): PostgreSQL when DATABASE_URL is set, else the embedded
// SQLite store in DATA_DIR, checked quickly at start (SPEC 4.9; that check reads SQLite only).
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Store } from './store.js';

export async function openStore(config: Config, logger: Logger): Promise<Store> {
  if (config.DATABASE_URL) {
    // Loaded here, so the embedded default never loads the PostgreSQL driver.
    const { openPostgresStore } = await import('./postgres/store.js');
    const store = await openPostgresStore({
      url: config.DATABASE_URL,
      onIdleError: (error) => logger.warn({ err: error }, 'a PostgreSQL connection was lost while idle'),
    });
    logger.info('store: PostgreSQL');
    return store;
  }
  const { openSqliteStore } = await import('./sqlite.js');
  const { checkAtStart } = await import('./check-at-start.js');
  const store = openSqliteStore({ dir: config.DATA_DIR, fsync: config.FSYNC });
  checkAtStart(config.DATA_DIR, logger);
  return store;
}
