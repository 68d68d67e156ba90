// The PostgreSQL Store (DATABASE_URL=postgres://…): the same interface and contract suite as SQLite,
// on a database several instances may share. Nothing is cached per process: seqs come from the
// room_seqs row, whose lock orders appends to one room across instances.
import type pg from 'pg';
import { PingTimeout, StoreUnavailable, type AppendEntry, type DocumentPatch, type DocumentRecord, type RoomLog, type Store } from '../store.js';
import { WithVersions } from '../versions.js';
import { fromRow, patchedKeys, PATCH_COLUMNS, type DocumentRow } from '../document-row.js';
import { LOCKS } from './locks.js';
import { migrate } from './schema.js';
import { inTransaction, openPool, shownUrl, toBuffer, toBytes } from './pool.js';
import { PostgresVersions } from './versions.js';

export interface PostgresOptions {
  url: string;
  /** Connections in the pool. */
  poolSize?: number;
  /** Told about a connection lost while idle. */
  onIdleError?: (error: Error) => void;
  /** A query unanswered this long fails (SPEC 17.17). */
  queryTimeoutMs?: number;
}

/** How long ping waits for `SELECT 1` (readiness, /healthz). */
const PING_TIMEOUT_MS = 2000;

/** Opens the pool and migrates the schema; throws StoreUnavailable naming the server when it cannot. */
export async function openPostgresStore(options: PostgresOptions): Promise<PostgresStore> {
  const pool = openPool({ url: options.url, max: options.poolSize, onIdleError: options.onIdleError, queryTimeoutMs: options.queryTimeoutMs });
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => {});
    throw new StoreUnavailable(`cannot open the PostgreSQL store at ${shownUrl(options.url)}: ${messageOf(error)}`, { cause: error });
  }
  return new PostgresStore(pool);
}

export class PostgresStore extends WithVersions implements Store {
  protected readonly versions: PostgresVersions;
  private closed: Promise<void> | null = null;

  /** Shared with the translation memory on this database (memory/postgres-memory.ts). */
  constructor(readonly pool: pg.Pool) {
    super();
    this.versions = new PostgresVersions(pool);
  }

  async createDocument(doc: DocumentRecord, rooms: Record<string, Uint8Array>): Promise<void> {
    await this.transaction(async (client) => {
      await client.query(
        `INSERT INTO documents (id, title, source_lang, target_lang, created_at, updated_at, segment_count, token_generation)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [doc.id, doc.title, doc.sourceLang, doc.targetLang, doc.createdAt, doc.updatedAt, doc.segmentCount, doc.tokenGeneration],
      );
      for (const [room, state] of Object.entries(rooms)) {
        await clearRooms(client, [room]);
        await client.query('INSERT INTO updates (room, seq, data) VALUES ($1, 1, $2)', [room, toBuffer(state)]);
        await client.query('INSERT INTO room_seqs (room, last_seq) VALUES ($1, 1)', [room]);
      }
    });
  }

  async getDocument(id: string): Promise<DocumentRecord | null> {
    const { rows } = await this.pool.query<DocumentRow>('SELECT * FROM documents WHERE id = $1', [id]);
    return rows[0] ? fromRow(rows[0]) : null;
  }

  async listDocuments(): Promise<DocumentRecord[]> {
    const { rows } = await this.pool.query<DocumentRow>('SELECT * FROM documents ORDER BY created_at, id');
    return rows.map(fromRow);
  }

  async updateDocument(id: string, patch: DocumentPatch): Promise<void> {
    const keys = patchedKeys(patch);
    if (keys.length === 0) return;
    const assignments = keys.map((key, i) => `${PATCH_COLUMNS[key]} = $${i + 2}`).join(', ');
    await this.pool.query(`UPDATE documents SET ${assignments} WHERE id = $1`, [id, ...keys.map((key) => patch[key])]);
  }

  async deleteDocument(id: string): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('DELETE FROM documents WHERE id = $1', [id]);
      await clearRooms(client, [id, `${id}/review`]);
      await client.query('DELETE FROM versions WHERE doc_id = $1', [id]);
    });
  }

  /**
   * One statement, so one round trip and one transaction: each room's seqs are reserved on its
   * room_seqs row (rooms in name order, so instances appending to the same rooms never deadlock),
   * then the updates go in with their seqs and the documents' updatedAt moves forward. Data-modifying
   * WITH clauses always run whole, whether or not the final SELECT reads them.
   */
  async append(entries: AppendEntry[]): Promise<number[]> {
    if (entries.length === 0) return [];
    const counts = new Map<string, number>();
    // Each entry's place among its room's entries of this group: 1, 2, …
    const places = entries.map(({ room }) => {
      const place = (counts.get(room) ?? 0) + 1;
      counts.set(room, place);
      return place;
    });
    const rooms = [...counts.keys()].sort();
    const { rows } = await this.pool.query<{ room: string; last_seq: number }>(
      `WITH seqs AS (
         INSERT INTO room_seqs (room, last_seq)
         SELECT * FROM unnest($1::text[], $2::bigint[]) ORDER BY 1
         ON CONFLICT (room) DO UPDATE SET last_seq = room_seqs.last_seq + excluded.last_seq
         RETURNING room, last_seq
       ), bases AS (
         SELECT s.room, s.last_seq - c.n AS base FROM seqs s JOIN unnest($1::text[], $2::bigint[]) AS c(room, n) USING (room)
       ), stored AS (
         INSERT INTO updates (room, seq, data)
         SELECT u.room, bases.base + u.place, u.data
         FROM unnest($3::text[], $4::bigint[], $5::bytea[]) AS u(room, place, data) JOIN bases USING (room)
       ), touched AS (
         UPDATE documents SET updated_at = GREATEST(updated_at, $6) WHERE id = ANY($7::text[])
       )
       SELECT room, last_seq FROM seqs`,
      [
        rooms,
        rooms.map((room) => counts.get(room)!),
        entries.map((e) => e.room),
        places,
        entries.map((e) => toBuffer(e.update)),
        Date.now(),
        [...new Set(entries.map((e) => e.docId))].sort(),
      ],
    );
    const lastSeqs = new Map(rows.map((row) => [row.room, row.last_seq]));
    return entries.map(({ room }, i) => lastSeqs.get(room)! - counts.get(room)! + places[i]);
  }

  /** One statement, so the snapshot and the updates after it are read as of one moment. */
  async loadRoom(room: string): Promise<RoomLog> {
    const { rows } = await this.pool.query<{ snap: boolean; seq: number; data: Buffer }>(
      `SELECT true AS snap, seq, data FROM snapshots WHERE room = $1
       UNION ALL
       SELECT false, u.seq, u.data FROM updates u
       WHERE u.room = $1 AND u.seq > COALESCE((SELECT seq FROM snapshots WHERE room = $1), 0)
       ORDER BY snap DESC, seq`,
      [room],
    );
    const snap = rows[0]?.snap ? rows[0] : null;
    const updateRows = snap ? rows.slice(1) : rows;
    const snapshot = snap ? toBytes(snap.data) : null;
    const updates = updateRows.map((row) => toBytes(row.data));
    const bytes = (snapshot?.byteLength ?? 0) + updates.reduce((sum, u) => sum + u.byteLength, 0);
    const snapshotSeq = snap?.seq ?? 0;
    const seq = updateRows.length > 0 ? updateRows[updateRows.length - 1].seq : snapshotSeq;
    return { snapshot, snapshotSeq, updates, seq, bytes };
  }

  /** One statement, like loadRoom: the snapshot only when it merged updates after `since`. */
  async loadRoomSince(room: string, since: number): Promise<RoomLog> {
    const { rows } = await this.pool.query<{ snap: boolean; seq: number; data: Buffer }>(
      `SELECT true AS snap, seq, data FROM snapshots WHERE room = $1 AND seq > $2
       UNION ALL
       SELECT false, u.seq, u.data FROM updates u
       WHERE u.room = $1 AND u.seq > GREATEST($2, COALESCE((SELECT seq FROM snapshots WHERE room = $1), 0))
       ORDER BY snap DESC, seq`,
      [room, since],
    );
    const snap = rows[0]?.snap ? rows[0] : null;
    const updateRows = snap ? rows.slice(1) : rows;
    const snapshot = snap ? toBytes(snap.data) : null;
    const updates = updateRows.map((row) => toBytes(row.data));
    const bytes = (snapshot?.byteLength ?? 0) + updates.reduce((sum, u) => sum + u.byteLength, 0);
    const snapshotSeq = snap?.seq ?? 0;
    const seq = updateRows.length > 0 ? updateRows[updateRows.length - 1].seq : Math.max(since, snapshotSeq);
    return { snapshot, snapshotSeq, updates, seq, bytes };
  }

  /**
   * One instance at a time per room (an advisory lock). Only updates up to `uptoSeq` go: those
   * appended meanwhile have higher seqs, since seqs are handed out by committed room_seqs rows.
   */
  async compact(room: string, uptoSeq: number, snapshot: Uint8Array): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCKS.compactSpace, room]);
      const { rows } = await client.query<{ last_seq: number }>('SELECT last_seq FROM room_seqs WHERE room = $1', [room]);
      const last = rows[0]?.last_seq ?? 0;
      if (uptoSeq > last) throw new Error(`compact ${room}: seq ${uptoSeq} is past the last stored ${last}`);
      // A snapshot older than the stored one would drop the updates in between: then nothing changes.
      const written = await client.query(
        `INSERT INTO snapshots (room, seq, data) VALUES ($1, $2, $3)
         ON CONFLICT (room) DO UPDATE SET seq = excluded.seq, data = excluded.data WHERE snapshots.seq <= excluded.seq`,
        [room, uptoSeq, toBuffer(snapshot)],
      );
      if (written.rowCount === 0) return;
      await client.query('DELETE FROM updates WHERE room = $1 AND seq <= $2', [room, uptoSeq]);
    });
  }

  async snapshotSeq(room: string): Promise<number> {
    const { rows } = await this.pool.query<{ seq: number }>('SELECT seq FROM snapshots WHERE room = $1', [room]);
    return rows[0]?.seq ?? 0;
  }

  async getSetting(key: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]);
    return rows[0]?.value ?? null;
  }

  async putSetting(key: string, value: string): Promise<void> {
    await this.pool.query(
      'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, value],
    );
  }

  /** Instances starting at once agree on one value: the first INSERT wins, everyone reads it back. */
  async getOrSetSetting(key: string, create: () => string): Promise<string> {
    const existing = await this.getSetting(key);
    if (existing !== null) return existing;
    await this.pool.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, create()]);
    return (await this.getSetting(key))!;
  }

  async ping(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PingTimeout(`PostgreSQL did not answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.pool.query('SELECT 1'), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  close(): Promise<void> {
    this.closed ??= this.pool.end();
    return this.closed;
  }

  private transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, work);
  }
}

/** Removes everything stored for the rooms (their log, snapshot and seq counter). */
async function clearRooms(client: pg.PoolClient, rooms: string[]): Promise<void> {
  for (const table of ['updates', 'snapshots', 'room_seqs']) {
    await client.query(`DELETE FROM ${table} WHERE room = ANY($1::text[])`, [rooms]);
  }
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return messageOf(error.errors[0]);
  return error instanceof Error && error.message ? error.message : String((error as { code?: string })?.code ?? error);
}
