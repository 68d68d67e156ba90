// The store check's look at versions (SPEC 9.4, 16.1): versions of no document, and in the full
// check a version whose stored state does not load.
import type Database from 'better-sqlite3';
import * as Y from 'yjs';

export interface VersionProblem {
  doc: string;
  what: string;
}

export function checkVersions(db: Database.Database, docIds: Set<string>, full: boolean): VersionProblem[] {
  const problems: VersionProblem[] = [];
  const counts = db.prepare('SELECT doc_id, COUNT(*) AS n FROM versions GROUP BY doc_id ORDER BY doc_id').all() as { doc_id: string; n: number }[];
  for (const { doc_id, n } of counts) {
    if (!docIds.has(doc_id)) problems.push({ doc: doc_id, what: `${n} version${n === 1 ? ' is' : 's are'} stored, but the document is not` });
  }
  if (!full) return problems;
  const rows = db.prepare('SELECT doc_id, id, name, content, review FROM versions ORDER BY doc_id, created_at').iterate() as Iterable<{
    doc_id: string;
    id: string;
    name: string;
    content: Buffer;
    review: Buffer;
  }>;
  for (const row of rows) {
    for (const kind of ['content', 'review'] as const) {
      const doc = new Y.Doc();
      try {
        Y.applyUpdate(doc, new Uint8Array(row[kind].buffer, row[kind].byteOffset, row[kind].byteLength));
        if (doc.store.pendingStructs || doc.store.pendingDs) throw new Error('it lacks content it refers to');
      } catch (error) {
        problems.push({ doc: row.doc_id, what: `version ${row.id} ("${row.name}"): its ${kind} state does not load: ${(error as Error).message}` });
      } finally {
        doc.destroy();
      }
    }
  }
  return problems;
}
