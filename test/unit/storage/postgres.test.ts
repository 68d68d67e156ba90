import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailable } from '../../../server/storage/store.js';
import { openPostgresStore, type PostgresStore } from '../../../server/storage/postgres/store.js';
import { SCHEMA_VERSION } from '../../../server/storage/postgres/schema.js';
import { storeContract } from '../../contract/store.contract.js';
import { createTestDatabase, emptyTables, type TestDatabase } from '../../helpers/postgres.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

storeContract('PostgreSQL', async () => {
  let store = await openPostgresStore({ url: db.url });
  return {
    store,
    reopen: async () => {
      await store.close();
      store = await openPostgresStore({ url: db.url });
      return store;
    },
    cleanup: async () => {
      await store.close();
      await emptyTables(db);
    },
  };
});

describe('PostgreSQL store', () => {
  const stores: PostgresStore[] = [];
  async function open(url = db.url): Promise<PostgresStore> {
    const store = await openPostgresStore({ url });
    stores.push(store);
    return store;
  }
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
  });

  it('SPEC 17.2 instances starting at once on a fresh database migrate it once, without racing', async () => {
    const fresh = await createTestDatabase();
    try {
      const opened = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore({ url: fresh.url })));
      await Promise.all(opened.map((store) => store.close()));
      const { rows } = await fresh.sql('SELECT version FROM tandem_migrations ORDER BY version');
      expect(rows.map((row) => row.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
      const tables = await fresh.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
      expect(tables.rows.map((row) => row.tablename)).toEqual(['documents', 'room_seqs', 'settings', 'snapshots', 'tandem_migrations', 'tm_units', 'tm_words', 'updates', 'versions']);
    } finally {
      await fresh.drop();
    }
  });

  it('SPEC 17.2 a database migrated by a newer build is refused, naming the versions', async () => {
    const fresh = await createTestDatabase();
    try {
      await (await openPostgresStore({ url: fresh.url })).close();
      await fresh.sql('INSERT INTO tandem_migrations (version) VALUES ($1)', [SCHEMA_VERSION + 1]);
      await expect(openPostgresStore({ url: fresh.url })).rejects.toThrow(`schema version ${SCHEMA_VERSION + 1}`);
    } finally {
      await fresh.drop();
    }
  });

  it('SPEC 17.5 an unreachable server or a missing database is a StoreUnavailable naming it, without the password', async () => {
    const refused = openPostgresStore({ url: 'postgres://postgres:secret@127.0.0.1:1/tandem' });
    await expect(refused).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(refused).rejects.toThrow(/^cannot open the PostgreSQL store at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/tandem: .*ECONNREFUSED/);
    const missing = new URL(db.url);
    missing.pathname = '/tandem_test_missing';
    await expect(openPostgresStore({ url: missing.toString() })).rejects.toThrow(/database "tandem_test_missing" does not exist/);
  });

  it('SPEC 17.3 two instances appending to one room at once get distinct, increasing seqs and lose nothing', async () => {
    const [a, b] = [await open(), await open()];
    const update = (n: number) => new Uint8Array([n]);
    const batches = Array.from({ length: 20 }, (_, i) =>
      (i % 2 === 0 ? a : b).append([
        { docId: 'race01', room: 'race01', update: update(2 * i) },
        { docId: 'race01', room: 'race01/review', update: update(2 * i) },
        { docId: 'race01', room: 'race01', update: update(2 * i + 1) },
      ]),
    );
    const seqs = await Promise.all(batches);
    const contentSeqs = seqs.flatMap(([first, , third]) => [first, third]).sort((x, y) => x - y);
    expect(contentSeqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    for (const [first, , third] of seqs) expect(third).toBe(first + 1);
    const log = await a.loadRoom('race01');
    expect(log.updates).toHaveLength(40);
    expect(log.seq).toBe(40);
    expect((await b.loadRoom('race01/review')).seq).toBe(20);
  });

  it('SPEC 17.3 compaction by two instances at once, with appends meanwhile, keeps every update after the newest snapshot', async () => {
    const [a, b] = [await open(), await open()];
    const append = (store: PostgresStore, n: number) => store.append([{ docId: 'comp01', room: 'comp01', update: new Uint8Array([n]) }]);
    for (let n = 1; n <= 10; n++) await append(a, n);
    await Promise.all([
      a.compact('comp01', 6, new Uint8Array([60])),
      b.compact('comp01', 8, new Uint8Array([80])),
      append(b, 11),
      append(a, 12),
    ]);
    const log = await b.loadRoom('comp01');
    expect(log.snapshotSeq).toBe(8);
    expect(log.snapshot).toEqual(new Uint8Array([80]));
    // 11 and 12 were appended at once, in either order.
    expect(log.updates.map((u) => u[0]).sort((x, y) => x - y)).toEqual([9, 10, 11, 12]);
    expect(log.seq).toBe(12);
  });

  it('SPEC 17.4 instances starting at once share one signing key', async () => {
    const opened = [await open(), await open(), await open()];
    const keys = await Promise.all(opened.map((store, i) => store.getOrSetSetting('shared-key', () => `key-of-${i}`)));
    expect(new Set(keys).size).toBe(1);
    expect(await opened[0].getSetting('shared-key')).toBe(keys[0]);
  });

  it('SPEC 17.6 ping answers while the database is there and fails once it is gone', async () => {
    const fresh = await createTestDatabase();
    const store = await openPostgresStore({ url: fresh.url });
    try {
      await store.ping();
      await fresh.drop();
      await expect(store.ping()).rejects.toThrow();
    } finally {
      await store.close();
      await fresh.drop();
    }
  });
});
