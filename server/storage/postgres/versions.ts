// The PostgreSQL store's versions table (SPEC 16): written and read on their own, never by compaction.
import type pg from 'pg';
import type { StoredVersion, VersionRecord, VersionStore } from '../versions.js';
import { LOCKS } from './locks.js';
import { inTransaction, toBuffer, toBytes } from './pool.js';

interface VersionRow {
  doc_id: string;
  id: string;
  name: string;
  auto: boolean;
  author: string | null;
  created_at: number;
}

const COLUMNS = 'doc_id, id, name, auto, author, created_at';

export class PostgresVersions implements VersionStore {
  constructor(private readonly pool: pg.Pool) {}

  async saveVersion(v: StoredVersion): Promise<void> {
    await insert(this.pool, v);
  }

  /** Instances saving at once take turns on an advisory lock per document, so the second sees the first's version. */
  saveVersionUnlessNewer(v: StoredVersion, since: number): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCKS.versionSpace, v.docId]);
      const newer = await client.query(
        'SELECT 1 FROM versions WHERE doc_id = $1 AND name = $2 AND auto = $3 AND created_at >= $4 LIMIT 1',
        [v.docId, v.name, v.auto, since],
      );
      if (newer.rowCount) return false;
      await insert(client, v);
      return true;
    });
  }

  async listVersions(docId: string): Promise<VersionRecord[]> {
    const { rows } = await this.pool.query<VersionRow>(
      `SELECT ${COLUMNS} FROM versions WHERE doc_id = $1 ORDER BY created_at DESC, ord DESC`,
      [docId],
    );
    return rows.map(fromRow);
  }

  async loadVersion(docId: string, id: string): Promise<StoredVersion | null> {
    const { rows } = await this.pool.query<VersionRow & { content: Buffer; review: Buffer }>(
      `SELECT ${COLUMNS}, content, review FROM versions WHERE doc_id = $1 AND id = $2`,
      [docId, id],
    );
    const row = rows[0];
    return row ? { ...fromRow(row), content: toBytes(row.content), review: toBytes(row.review) } : null;
  }

  async deleteVersions(docId: string, ids: string[]): Promise<void> {
    await this.pool.query('DELETE FROM versions WHERE doc_id = $1 AND id = ANY($2::text[])', [docId, ids]);
  }
}

async function insert(db: pg.Pool | pg.PoolClient, v: StoredVersion): Promise<void> {
  await db.query(
    `INSERT INTO versions (${COLUMNS}, content, review) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [v.docId, v.id, v.name, v.auto, v.author, v.createdAt, toBuffer(v.content), toBuffer(v.review)],
  );
}

function fromRow(row: VersionRow): VersionRecord {
  return { id: row.id, docId: row.doc_id, name: row.name, auto: row.auto, author: row.author, createdAt: row.created_at };
}
