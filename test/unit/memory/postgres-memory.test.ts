import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresMemory } from '../../../server/memory/postgres-memory.js';
import { openPostgresStore } from '../../../server/storage/postgres/store.js';
import { memoryContract } from '../../contract/memory.contract.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/postgres.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

memoryContract('PostgreSQL', async () => {
  let store = await openPostgresStore({ url: db.url });
  let memory = new PostgresMemory(store.pool);
  return {
    memory,
    reopen: async () => {
      await memory.close();
      await store.close();
      store = await openPostgresStore({ url: db.url });
      memory = new PostgresMemory(store.pool);
      return memory;
    },
    cleanup: async () => {
      await memory.close();
      await store.close();
      await db.sql('TRUNCATE tm_units, tm_words');
    },
  };
});

describe('PostgreSQL translation memory', () => {
  it('SPEC 18.1 lives in the PostgreSQL database beside the documents, its normalised texts under pg_trgm GIN trigram indexes', async () => {
    const store = await openPostgresStore({ url: db.url });
    try {
      await new PostgresMemory(store.pool).upsertUnit({
        source: 'Hello', target: 'নমস্কার', sourceLang: 'en', targetLang: 'bn', docId: null, segmentId: null,
        status: 'approved', confirmedBy: null, confirmedAt: 1, context: null,
      });
      expect((await db.sql('SELECT count(*)::int AS n FROM tm_units')).rows).toEqual([{ n: 1 }]);
      const { rows } = await db.sql("SELECT indexdef FROM pg_indexes WHERE tablename = 'tm_units' AND indexdef LIKE '%gin_trgm_ops%' ORDER BY indexname");
      expect(rows.map((row) => row.indexdef)).toEqual([
        expect.stringContaining('gin (source_norm gin_trgm_ops)'),
        expect.stringContaining('gin (target_norm gin_trgm_ops)'),
      ]);
    } finally {
      await store.close();
      await db.sql('TRUNCATE tm_units, tm_words');
    }
  });
});
