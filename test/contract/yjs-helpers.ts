// Real Yjs updates for storage tests: text edits and replaying a stored room log.
import * as Y from 'yjs';
import type { RoomLog } from '../../server/storage/store.js';

export const TEXT = 't';

/** A fresh doc holding `text`, and its full state as an update. */
export function textDoc(text: string): { doc: Y.Doc; state: Uint8Array } {
  const doc = new Y.Doc();
  doc.getText(TEXT).insert(0, text);
  return { doc, state: Y.encodeStateAsUpdate(doc) };
}

/** Appends `text` to the doc and returns the update that change produced. */
export function appendText(doc: Y.Doc, text: string): Uint8Array {
  const updates: Uint8Array[] = [];
  const listen = (update: Uint8Array) => updates.push(update);
  doc.on('update', listen);
  const ytext = doc.getText(TEXT);
  ytext.insert(ytext.length, text);
  doc.off('update', listen);
  return Y.mergeUpdates(updates);
}

/** Applies the log's snapshot and updates, in order, to a fresh doc. */
export function replay(log: RoomLog): Y.Doc {
  const doc = new Y.Doc();
  if (log.snapshot) Y.applyUpdate(doc, log.snapshot);
  for (const update of log.updates) Y.applyUpdate(doc, update);
  return doc;
}

export function replayText(log: RoomLog): string {
  return replay(log).getText(TEXT).toString();
}

/** The state of applying `updates` in order to a fresh doc, as compaction would store it. */
export function mergedState(updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return Y.encodeStateAsUpdate(doc);
}
