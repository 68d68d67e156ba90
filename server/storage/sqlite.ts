// The embedded Store: one SQLite file, WAL mode. better-sqlite3 is synchronous; the async
// methods only keep the Store interface open to networked databases.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './sqlite-schema.js';
import { SqliteVersions } from './sqlite-versions.js';
import { fromRow, patchedKeys, PATCH_COLUMNS, type DocumentRow } from './document-row.js';
import type { AppendEntry, DocumentPatch, DocumentRecord, RoomLog, Store } from './store.js';
import { WithVersions } from './versions.js';
import { Checkpoints } from './sqlite-checkpoints.js';

export interface SqliteOptions {
  dir: string;
  /** Fsync every commit (`synchronous=FULL`) so stored updates survive power loss too. */
  fsync?: boolean;
}

const BUSY_TIMEOUT_MS = 5000;

export function openSqliteStore(options: SqliteOptions): SqliteStore {
  return new SqliteStore(options);
}

export class SqliteStore extends WithVersions implements Store {
  readonly path: string;
  private readonly db: Database.Database;
  /** Last seq per room, loaded on first use; only this process writes the file. */
  private readonly lastSeqs = new Map<string, number>();
  private readonly sql;
  protected readonly versions: SqliteVersions;
  /** The write-ahead log's checkpoints, off the event loop. */
  private readonly checkpoints: Checkpoints;

  constructor({ dir, fsync = false }: SqliteOptions) {
    super();
    mkdirSync(dir, { recursive: true });
    this.path = join(dir, 'tandem.db');
    this.db = new Database(this.path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${fsync ? 'FULL' : 'NORMAL'}`);
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Checkpoints run on a thread of their own (sqlite-checkpoints.ts), never inside a commit.
    this.db.pragma('wal_autocheckpoint = 0');
    migrate(this.db);
    this.sql = prepare(this.db);
    this.versions = new SqliteVersions(this.db);
    // Should the worker fail, SQLite checkpoints in the commits again, as it does by default.
    this.checkpoints = new Checkpoints(this.path, () => {
      if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
    });
  }

  /** Reads a pragma of this connection (tests and diagnostics). */
  pragma(name: string): unknown {
    return this.db.pragma(name, { simple: true });
  }

  async createDocument(doc: DocumentRecord, rooms: Record<string, Uint8Array>): Promise<void> {
    this.db.transaction(() => {
      this.sql.insertDocument.run(toRow(doc));
      for (const [room, state] of Object.entries(rooms)) {
        this.sql.deleteUpdates.run(room);
        this.sql.deleteSnapshot.run(room);
        this.sql.insertUpdate.run(room, 1, toBuffer(state));
      }
    })();
    for (const room of Object.keys(rooms)) this.lastSeqs.set(room, 1);
  }

  async getDocument(id: string): Promise<DocumentRecord | null> {
    const row = this.sql.getDocument.get(id) as DocumentRow | undefined;
    return row ? fromRow(row) : null;
  }

  async listDocuments(): Promise<DocumentRecord[]> {
    return (this.sql.listDocuments.all() as DocumentRow[]).map(fromRow);
  }

  async updateDocument(id: string, patch: DocumentPatch): Promise<void> {
    const keys = patchedKeys(patch);
    if (keys.length === 0) return;
    const assignments = keys.map((key) => `${PATCH_COLUMNS[key]} = @${key}`).join(', ');
    this.db.prepare(`UPDATE documents SET ${assignments} WHERE id = @id`).run({ ...pick(patch, keys), id });
  }

  async deleteDocument(id: string): Promise<void> {
    const rooms = [id, `${id}/review`];
    this.db.transaction(() => {
      this.sql.deleteDocument.run(id);
      for (const room of rooms) {
        this.sql.deleteUpdates.run(room);
        this.sql.deleteSnapshot.run(room);
      }
      this.versions.deleteAllOf(id);
    })();
    for (const room of rooms) this.lastSeqs.delete(room);
  }

  async append(entries: AppendEntry[]): Promise<number[]> {
    if (entries.length === 0) return [];
    const now = Date.now();
    // Seqs are staged and only cached once the transaction committed.
    const staged = new Map<string, number>();
    const seqs = this.db.transaction(() => {
      const result: number[] = [];
      const docIds = new Set<string>();
      for (const { docId, room, update } of entries) {
        const seq = (staged.get(room) ?? this.lastSeq(room)) + 1;
        staged.set(room, seq);
        this.sql.insertUpdate.run(room, seq, toBuffer(update));
        docIds.add(docId);
        result.push(seq);
      }
      for (const docId of docIds) this.sql.touchDocument.run(now, docId);
      return result;
    })();
    for (const [room, seq] of staged) this.lastSeqs.set(room, seq);
    return seqs;
  }

  async loadRoom(room: string): Promise<RoomLog> {
    const snap = this.sql.getSnapshot.get(room) as { seq: number; data: Buffer } | undefined;
    const snapshotSeq = snap?.seq ?? 0;
    const rows = this.sql.updatesAfter.all(room, snapshotSeq) as { seq: number; data: Buffer }[];
    const updates = rows.map((row) => toBytes(row.data));
    const snapshot = snap ? toBytes(snap.data) : null;
    const bytes = (snapshot?.byteLength ?? 0) + updates.reduce((sum, u) => sum + u.byteLength, 0);
    const seq = rows.length > 0 ? rows[rows.length - 1].seq : snapshotSeq;
    return { snapshot, snapshotSeq, updates, seq, bytes };
  }

  async loadRoomSince(room: string, since: number): Promise<RoomLog> {
    const snap = this.sql.getSnapshot.get(room) as { seq: number; data: Buffer } | undefined;
    const merged = snap && snap.seq > since ? snap : undefined;
    const after = Math.max(since, snap?.seq ?? 0);
    const rows = this.sql.updatesAfter.all(room, after) as { seq: number; data: Buffer }[];
    const updates = rows.map((row) => toBytes(row.data));
    const snapshot = merged ? toBytes(merged.data) : null;
    const bytes = (snapshot?.byteLength ?? 0) + updates.reduce((sum, u) => sum + u.byteLength, 0);
    const seq = rows.length > 0 ? rows[rows.length - 1].seq : after;
    return { snapshot, snapshotSeq: merged?.seq ?? 0, updates, seq, bytes };
  }

  async compact(room: string, uptoSeq: number, snapshot: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      const last = this.lastSeq(room);
      if (uptoSeq > last) throw new Error(`compact ${room}: seq ${uptoSeq} is past the last stored ${last}`);
      const current = this.sql.getSnapshot.get(room) as { seq: number } | undefined;
      // A snapshot older than the stored one would drop the updates in between.
      if (current && current.seq > uptoSeq) return;
      this.sql.upsertSnapshot.run(room, uptoSeq, toBuffer(snapshot));
      this.sql.deleteUpdatesUpTo.run(room, uptoSeq);
    })();
  }

  async snapshotSeq(room: string): Promise<number> {
    return (this.sql.getSnapshot.get(room) as { seq: number } | undefined)?.seq ?? 0;
  }

  async getSetting(key: string): Promise<string | null> {
    return (this.sql.getSetting.get(key) as { value: string } | undefined)?.value ?? null;
  }

  async putSetting(key: string, value: string): Promise<void> {
    this.sql.putSetting.run(key, value);
  }

  async getOrSetSetting(key: string, create: () => string): Promise<string> {
    const existing = this.sql.getSetting.get(key) as { value: string } | undefined;
    if (existing) return existing.value;
    this.sql.insertSetting.run(key, create());
    return (this.sql.getSetting.get(key) as { value: string }).value;
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    await this.checkpoints.stop();
    if (this.db.open) this.db.close();
  }

  private lastSeq(room: string): number {
    let seq = this.lastSeqs.get(room);
    if (seq === undefined) {
      const row = this.sql.lastSeq.get(room, room) as { seq: number };
      seq = row.seq;
      this.lastSeqs.set(room, seq);
    }
    return seq;
  }
}

function prepare(db: Database.Database) {
  return {
    insertDocument: db.prepare(`INSERT INTO documents
      (id, title, source_lang, target_lang, created_at, updated_at, segment_count, token_generation)
      VALUES (@id, @title, @source_lang, @target_lang, @created_at, @updated_at, @segment_count, @token_generation)`),
    getDocument: db.prepare('SELECT * FROM documents WHERE id = ?'),
    listDocuments: db.prepare('SELECT * FROM documents ORDER BY created_at, id'),
    deleteDocument: db.prepare('DELETE FROM documents WHERE id = ?'),
    touchDocument: db.prepare('UPDATE documents SET updated_at = MAX(updated_at, ?) WHERE id = ?'),
    insertUpdate: db.prepare('INSERT INTO updates (room, seq, data) VALUES (?, ?, ?)'),
    updatesAfter: db.prepare('SELECT seq, data FROM updates WHERE room = ? AND seq > ? ORDER BY seq'),
    deleteUpdates: db.prepare('DELETE FROM updates WHERE room = ?'),
    deleteUpdatesUpTo: db.prepare('DELETE FROM updates WHERE room = ? AND seq <= ?'),
    lastSeq: db.prepare(`SELECT MAX(
      COALESCE((SELECT MAX(seq) FROM updates WHERE room = ?), 0),
      COALESCE((SELECT seq FROM snapshots WHERE room = ?), 0)) AS seq`),
    getSnapshot: db.prepare('SELECT seq, data FROM snapshots WHERE room = ?'),
    upsertSnapshot: db.prepare(`INSERT INTO snapshots (room, seq, data) VALUES (?, ?, ?)
      ON CONFLICT (room) DO UPDATE SET seq = excluded.seq, data = excluded.data`),
    deleteSnapshot: db.prepare('DELETE FROM snapshots WHERE room = ?'),
    getSetting: db.prepare('SELECT value FROM settings WHERE key = ?'),
    insertSetting: db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)'),
    putSetting: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
  };
}

function toRow(doc: DocumentRecord): DocumentRow {
  return {
    id: doc.id,
    title: doc.title,
    source_lang: doc.sourceLang,
    target_lang: doc.targetLang,
    created_at: doc.createdAt,
    updated_at: doc.updatedAt,
    segment_count: doc.segmentCount,
    token_generation: doc.tokenGeneration,
  };
}

function pick<T extends object, K extends keyof T>(value: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Plain Uint8Array view, so callers compare equal with other Uint8Arrays. */
function toBytes(buf: Buffer): Uint8Array {
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
