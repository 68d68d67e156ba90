// Scenario 10, the store check: how long `tandem check` takes (full, and the quick one the server
// runs at start) on a store of `docs` documents, each the test article with `edits` keystrokes stored
// after it, half of them compacted. Tandem only (the others keep no store).
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { createDocument } from '../../server/documents/create.js';
import { checkStore } from '../../server/storage/check.js';
import { openSqliteStore } from '../../server/storage/sqlite.js';
import { roomName } from '../../shared/schema.js';
import { typeInSegment } from '../../test/helpers/segment-typing.js';
import { median } from '../stats.js';

export interface StoreCheckResult {
  docs: number;
  edits: number;
  megabytes: number;
  quickMs: number;
  fullMs: number;
}

const RUNS = 5;
const fixture = (name: string) => readFile(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8');

export async function runStoreCheck(docs: number, edits: number): Promise<StoreCheckResult> {
  const [target, source] = await Promise.all([fixture('article.bn.txt'), fixture('article.en.txt')]);
  const dir = await mkdtemp(join(tmpdir(), 'tandem-check-bench-'));
  try {
    const store = openSqliteStore({ dir });
    for (let d = 0; d < docs; d++) {
      const record = await createDocument(store, { format: 'text', sourceLang: 'en', targetLang: 'bn', target, source });
      const room = roomName(record.id, 'content');
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await store.loadRoom(room)).updates[0]);
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      for (let i = 0; i < edits; i++) typeInSegment(doc, i % 7, 'ক');
      const seqs = await store.append(updates.map((update) => ({ docId: record.id, room, update })));
      if (d % 2 === 0) await store.compact(room, seqs.at(-1)!, Y.encodeStateAsUpdate(doc));
      doc.destroy();
    }
    await store.close();
    const bytes = (await stat(join(dir, 'tandem.db'))).size;
    const time = (full: boolean) => {
      const runs = Array.from({ length: RUNS }, () => checkStore(dir, { full }));
      if (runs[0].problems.length > 0) throw new Error(`problems: ${JSON.stringify(runs[0].problems.slice(0, 5))}`);
      return median(runs.map((r) => r.ms));
    };
    return { docs, edits, megabytes: bytes / 1e6, quickMs: time(false), fullMs: time(true) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
