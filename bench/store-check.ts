// How long `tandem check` takes (full, and the quick one the server runs at start) on a store of
// DOCS documents (300 by default), each the test article with EDITS keystrokes stored after it
// (200), half of them compacted. A report, not a test: `node --import tsx bench/store-check.ts`.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { createDocument } from '../server/documents/create.js';
import { checkStore } from '../server/storage/check.js';
import { openSqliteStore } from '../server/storage/sqlite.js';
import { roomName } from '../shared/schema.js';
import { typeInSegment } from '../test/helpers/segment-typing.js';
import { median } from './stats.js';

const DOCS = Number(process.env.DOCS ?? 300);
const EDITS = Number(process.env.EDITS ?? 200);
const RUNS = 5;

const fixture = (name: string) => readFile(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8');
const [target, source] = await Promise.all([fixture('article.bn.txt'), fixture('article.en.txt')]);

const dir = await mkdtemp(join(tmpdir(), 'tandem-check-bench-'));
const store = openSqliteStore({ dir });
for (let d = 0; d < DOCS; d++) {
  const record = await createDocument(store, { format: 'text', sourceLang: 'en', targetLang: 'bn', target, source });
  const room = roomName(record.id, 'content');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await store.loadRoom(room)).updates[0]);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < EDITS; i++) typeInSegment(doc, i % 7, 'ক');
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
console.log(`${DOCS} documents, ${EDITS} stored keystrokes each (half compacted), ${(bytes / 1e6).toFixed(1)} MB`);
console.log(`quick check (at start): ${time(false).toFixed(0)} ms`);
console.log(`full check (tandem check): ${time(true).toFixed(0)} ms`);
await rm(dir, { recursive: true, force: true });
