// Scenario 11, history (SPEC 16): saving a version of a ~10,000-word article (both rooms' full state
// encoded and stored) and diffing two of its versions word by word (both read from the store, their
// segment texts read from Yjs, every segment diffed), with a word changed in one segment in ten.
// Tandem only, in this process (the others keep no versions).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { createDocument } from '../../server/documents/create.js';
import { segmentTexts } from '../../server/history/states.js';
import { openSqliteStore } from '../../server/storage/sqlite.js';
import { diffSegments } from '../../shared/diff/segments.js';
import { roomName } from '../../shared/schema.js';
import { typeInSegment } from '../../test/helpers/segment-typing.js';
import { median } from '../stats.js';
import { articleText } from './room-load.js';

export interface VersionsResult {
  words: number;
  segments: number;
  versionKilobytes: number;
  saveMs: number;
  diffMs: number;
  changedSegments: number;
}

const RUNS = 9;

export async function runVersions(words: number): Promise<VersionsResult> {
  const dir = await mkdtemp(join(tmpdir(), 'tandem-versions-bench-'));
  const store = openSqliteStore({ dir });
  try {
    const text = articleText(words);
    const record = await createDocument(store, { format: 'text', sourceLang: 'en', targetLang: 'bn', target: text, source: text });
    const state = async (kind: 'content' | 'review') => {
      const doc = new Y.Doc();
      for (const update of (await store.loadRoom(roomName(record.id, kind))).updates) Y.applyUpdate(doc, update);
      return doc;
    };
    const [content, review] = [await state('content'), await state('review')];
    const segments = segmentTexts(content).length;
    let n = 0;
    const save = async () => {
      const started = performance.now();
      const version = { id: `v${++n}`, docId: record.id, name: `v${n}`, auto: true, author: null, createdAt: Date.now() };
      await store.saveVersion({ ...version, content: Y.encodeStateAsUpdate(content), review: Y.encodeStateAsUpdate(review) });
      return performance.now() - started;
    };
    const saveMs = median(await sequence(RUNS, save));
    const first = `v${n}`;
    for (let i = 0; i < segments; i += 10) typeInSegment(content, i, ' বদল');
    await save();
    const second = `v${n}`;

    const diff = async () => {
      const started = performance.now();
      const [a, b] = [await store.loadVersion(record.id, first), await store.loadVersion(record.id, second)];
      const result = diffSegments(segmentTexts(a!.content), segmentTexts(b!.content), 'bn');
      return { ms: performance.now() - started, changed: result.filter((s) => s.changed).length };
    };
    const diffs = await sequence(RUNS, diff);
    const stored = await store.loadVersion(record.id, first);
    return {
      words,
      segments,
      versionKilobytes: (stored!.content.byteLength + stored!.review.byteLength) / 1024,
      saveMs,
      diffMs: median(diffs.map((d) => d.ms)),
      changedSegments: diffs[0].changed,
    };
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function sequence<T>(count: number, run: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < count; i++) results.push(await run());
  return results;
}
