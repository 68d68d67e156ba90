// Replays one room's stored log (snapshot, then updates in order) as a room load would, saying what
// does not decode or apply and whether the result lacks updates it depends on (`tandem check`).
import * as Y from 'yjs';

export interface StoredEntry {
  /** The log's seq of an update, or the snapshot's seq. */
  seq: number;
  kind: 'snapshot' | 'update';
  data: Uint8Array;
}

export interface ReplayedLog {
  /** Everything that decoded and applied; null when nothing did. */
  doc: Y.Doc | null;
  problems: string[];
}

export function replayLog(entries: readonly StoredEntry[]): ReplayedLog {
  const problems: string[] = [];
  const doc = new Y.Doc();
  let applied = 0;
  for (const entry of entries) {
    const what = entry.kind === 'snapshot' ? `snapshot (seq ${entry.seq})` : `update seq ${entry.seq}`;
    try {
      Y.decodeUpdate(entry.data);
    } catch (error) {
      problems.push(`${what} does not decode: ${messageOf(error)}`);
      continue;
    }
    try {
      Y.applyUpdate(doc, entry.data);
      applied++;
    } catch (error) {
      problems.push(`${what} does not apply: ${messageOf(error)}`);
    }
  }
  // Yjs keeps what depends on missing updates aside rather than failing: the log has lost something.
  const pending = doc.store.pendingStructs;
  if (pending) {
    const waits = [...pending.missing].map(([client, clock]) => `client ${client} up to clock ${clock}`).join(', ');
    problems.push(`the stored state lacks updates that later ones depend on (${waits})`);
  }
  if (doc.store.pendingDs) problems.push('the stored state deletes content it never received');
  if (applied === 0) {
    doc.destroy();
    return { doc: null, problems };
  }
  return { doc, problems };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
