// What the fuzzer checks of a document after a run: two replicas hold the same document, and what
// the store holds decodes and applies whole (nothing pending, waiting for structs never stored).
import * as Y from 'yjs';
import { $readSegments } from '../../shared/article.js';
import { openArticle } from '../../shared/headless.js';
import { openSqliteStore } from '../../server/storage/sqlite.js';

/** Same items and same deletions: what a Yjs snapshot compares. */
export function sameDocument(a: Y.Doc, b: Y.Doc): boolean {
  return Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b));
}

/** Whether a document holds structs or deletions it could not apply for want of others. */
export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

/** The article's segments as headless Lexical reads them from a content room's state. */
export function articleSegments(doc: Y.Doc): Array<{ id: string; text: string }> {
  const article = openArticle(Y.encodeStateAsUpdate(doc));
  try {
    return article.read($readSegments);
  } finally {
    article.dispose();
  }
}

/**
 * Replays a room's stored log (snapshot, then each update) as the server loads it, checking that
 * every stored piece decodes and that nothing is left pending. Returns the document it makes.
 */
export async function replayStoredRoom(dataDir: string, room: string): Promise<{ doc: Y.Doc; problems: string[] }> {
  const store = openSqliteStore({ dir: dataDir, fsync: false });
  try {
    const log = await store.loadRoom(room);
    const doc = new Y.Doc();
    const problems: string[] = [];
    const pieces = [...(log.snapshot ? [log.snapshot] : []), ...log.updates];
    pieces.forEach((piece, i) => {
      try {
        Y.decodeUpdate(piece);
        Y.applyUpdate(doc, piece);
      } catch (error) {
        problems.push(`stored piece ${i} of ${room} does not apply: ${(error as Error).message}`);
      }
      if (hasPending(doc)) problems.push(`stored piece ${i} of ${room} leaves structs or deletions pending`);
    });
    return { doc, problems };
  } finally {
    await store.close();
  }
}
