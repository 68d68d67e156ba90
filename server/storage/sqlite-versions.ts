// The SQLite store's versions table (SPEC 16): written and read on their own, never by compaction.
import type Database from 'better-sqlite3';
import type { StoredVersion, VersionRecord, VersionStore } from './versions.js';

interface VersionRow {
  doc_id: string;
  id: string;
  name: string;
  auto: number;
  author: string | null;
  created_at: number;
}

const COLUMNS = 'doc_id, id, name, auto, author, created_at';

export class SqliteVersions implements VersionStore {
  private readonly sql;

  constructor(private readonly db: Database.Database) {
    this.sql = {
      insert: db.prepare(`INSERT INTO versions (${COLUMNS}, content, review)
        VALUES (@doc_id, @id, @name, @auto, @author, @created_at, @content, @review)`),
      list: db.prepare(`SELECT ${COLUMNS} FROM versions WHERE doc_id = ? ORDER BY created_at DESC, rowid DESC`),
      get: db.prepare(`SELECT ${COLUMNS}, content, review FROM versions WHERE doc_id = ? AND id = ?`),
      delete: db.prepare('DELETE FROM versions WHERE doc_id = ? AND id = ?'),
      deleteAll: db.prepare('DELETE FROM versions WHERE doc_id = ?'),
      newerOfKind: db.prepare('SELECT 1 FROM versions WHERE doc_id = ? AND name = ? AND auto = ? AND created_at >= ? LIMIT 1'),
    };
  }

  async saveVersion(version: StoredVersion): Promise<void> {
    this.insert(version);
  }

  async saveVersionUnlessNewer(version: StoredVersion, since: number): Promise<boolean> {
    return this.db.transaction(() => {
      if (this.sql.newerOfKind.get(version.docId, version.name, version.auto ? 1 : 0, since)) return false;
      this.insert(version);
      return true;
    })();
  }

  private insert(version: StoredVersion): void {
    this.sql.insert.run({
      doc_id: version.docId,
      id: version.id,
      name: version.name,
      auto: version.auto ? 1 : 0,
      author: version.author,
      created_at: version.createdAt,
      content: toBuffer(version.content),
      review: toBuffer(version.review),
    });
  }

  async listVersions(docId: string): Promise<VersionRecord[]> {
    return (this.sql.list.all(docId) as VersionRow[]).map(fromRow);
  }

  async loadVersion(docId: string, id: string): Promise<StoredVersion | null> {
    const row = this.sql.get.get(docId, id) as (VersionRow & { content: Buffer; review: Buffer }) | undefined;
    if (!row) return null;
    return { ...fromRow(row), content: toBytes(row.content), review: toBytes(row.review) };
  }

  async deleteVersions(docId: string, ids: string[]): Promise<void> {
    this.db.transaction(() => {
      for (const id of ids) this.sql.delete.run(docId, id);
    })();
  }

  /** Part of deleting a document; runs inside the caller's transaction. */
  deleteAllOf(docId: string): void {
    this.sql.deleteAll.run(docId);
  }
}

function fromRow(row: VersionRow): VersionRecord {
  return { id: row.id, docId: row.doc_id, name: row.name, auto: row.auto === 1, author: row.author, createdAt: row.created_at };
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function toBytes(buf: Buffer): Uint8Array {
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
