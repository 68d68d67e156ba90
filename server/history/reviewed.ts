// The version a review was made on (SPEC 16.16). When a segment is marked Reviewed or Approved, the
// version that holds the article's text at that moment is recorded for it in the review room's
// `reviewedIn` map: the newest version when the text has not changed since it was saved (same Yjs
// state vector and delete set), else an automatic version `Reviewed` saved now. Marks in a row on an
// unchanged text therefore share one version; the check costs a snapshot of the live content room,
// and a stored version is read only when the text changed since the one last found.
import * as Y from 'yjs';
import type { Store } from '../storage/store.js';
import type { Rooms } from '../review/context.js';
import { newId } from '../../shared/ids.js';
import { docOf } from './states.js';

export const REVIEWED_VERSION_NAME = 'Reviewed';

/** What `reviewedIn` holds per segment: the version, who marked it and when (ms). */
export interface ReviewedIn {
  versionId: string;
  by: string | null;
  at: number;
}

interface Held {
  versionId: string;
  snapshot: Y.Snapshot;
}

/** Per store (a test runs several servers in one process): per article, the version last found and its text's snapshot. */
const heldByStore = new WeakMap<Store, Map<string, Held>>();
/** Per article, the lookup in progress: marks made at once wait for each other and share a version. */
const running = new Map<string, Promise<unknown>>();

/** The id of a version holding the article's text as it is now, saving one if none does. */
export function versionHoldingNow(store: Store, rooms: Rooms): Promise<string> {
  const docId = rooms.content.docId;
  const task = (running.get(docId) ?? Promise.resolve()).catch(() => {}).then(() => find(store, rooms));
  running.set(docId, task);
  void task.finally(() => running.get(docId) === task && running.delete(docId)).catch(() => {});
  return task;
}

async function find(store: Store, { content, review }: Rooms): Promise<string> {
  const docId = content.docId;
  let held = heldByStore.get(store);
  if (!held) heldByStore.set(store, (held = new Map()));
  const newest = (await store.listVersions(docId)).sort((a, b) => b.createdAt - a.createdAt)[0];
  // The version found last time counts only while it is still the newest (not thinned, not deleted).
  let known = newest && held.get(docId)?.versionId === newest.id ? held.get(docId) : undefined;
  if (newest && !known) known = await heldBy(store, docId, newest.id);
  // Taken after the last await, so it is the text as the mark is written.
  const now = Y.snapshot(content.doc);
  if (known && Y.equalSnapshots(known.snapshot, now)) {
    held.set(docId, known);
    return known.versionId;
  }
  const id = newId(12);
  const state = { content: Y.encodeStateAsUpdate(content.doc), review: Y.encodeStateAsUpdate(review.doc) };
  held.set(docId, { versionId: id, snapshot: now });
  await store.saveVersion({ id, docId, name: REVIEWED_VERSION_NAME, auto: true, author: null, createdAt: Date.now(), ...state });
  return id;
}

/** A stored version's text snapshot. */
async function heldBy(store: Store, docId: string, versionId: string): Promise<Held | undefined> {
  const stored = await store.loadVersion(docId, versionId);
  if (!stored) return undefined;
  const doc = docOf(stored.content);
  try {
    return { versionId, snapshot: Y.snapshot(doc) };
  } finally {
    doc.destroy();
  }
}
