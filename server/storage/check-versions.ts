// The store check's look at versions (SPEC 9.4, 16.1): versions of no document, and in the full
// check a version whose stored state does not load.
import type Database from 'better-sqlite3';
import * as Y from 'yjs';

export interface VersionProblem {
  doc: string;
  what: string;
}

export interface StoredVersionRow {
  doc_id: string;
  id: string;
  name: string;
  content: Uint8Array;
  review: Uint8Array;
}

export function checkVersions(db: Database.Database, docIds: Set<string>, full: boolean): VersionProblem[] {
  const counts = db.prepare('SELECT doc_id, COUNT(*) AS n FROM versions GROUP BY doc_id ORDER BY doc_id').all() as { doc_id: string; n: number }[];
  const problems = orphanVersions(counts, docIds);
  if (!full) return problems;
  const rows = db.prepare('SELECT doc_id, id, name, content, review FROM versions ORDER BY doc_id, created_at').iterate() as Iterable<StoredVersionRow>;
  for (const row of rows) problems.push(...versionProblems(row));
  return problems;
}

/** Versions stored for documents that are not. */
export function orphanVersions(counts: { doc_id: string; n: number }[], docIds: Set<string>): VersionProblem[] {
  return counts
    .filter(({ doc_id }) => !docIds.has(doc_id))
    .map(({ doc_id, n }) => ({ doc: doc_id, what: `${n} version${n === 1 ? ' is' : 's are'} stored, but the document is not` }));
}

/** A version whose stored states do not load (the full check). */
export function versionProblems(row: StoredVersionRow): VersionProblem[] {
  const problems: VersionProblem[] = [];
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
  return problems;
}
