// Typing wins over a repetition fill (SPEC 18.23). A page that had not seen the fill yet (a keystroke
// on its way, a page back from offline) may have typed into the segment's earlier text: Yjs would
// keep both, the fill and the typing mixed. Each fill is kept as an undo step of its segment until
// a person's change to that segment shows whether its page had the fill: one anchored to the fill's
// text (or deleting it) had, and the fill stays; one anchored to the text the fill replaced, or
// typed into a block the fill wrote while that block was empty for the page, had not, and the fill
// is undone in that segment — the page's text comes back with the typing in it.
import * as Y from 'yjs';
import { findSegment } from '../../shared/review/text-map.js';
import { actingAs, type ChangeAuthor } from '../history/acting.js';
import type { Room } from '../collab/room.js';

interface PendingFill {
  segment: Y.XmlText;
  undo: Y.UndoManager;
  /** The items the fill inserted: one client's clocks [from, to). */
  client: number;
  from: number;
  to: number;
  /** What the fill deleted, and the types it inserted into. */
  deleted: Y.Transaction['deleteSet'];
  blocks: Set<Y.AbstractType<unknown>>;
}

type Verdict = 'had-fill' | 'typed-before-fill' | 'unclear';
/** Told a fill is being undone for typing; `undone` settles once the undo is stored. */
type TypingWon = (segmentId: string, undone: Promise<void>) => void;

const watched = new WeakMap<Y.Doc, Map<string, PendingFill>>();

/** Runs `fill` (which applies one update to the content room) and watches each filled segment. */
export function watchFills(content: Room, segmentIds: string[], fill: () => void, typingWon: TypingWon): void {
  const { doc } = content;
  const undos = new Map<string, Y.UndoManager>();
  for (const id of segmentIds) {
    const segment = findSegment(doc, id);
    if (segment) undos.set(id, new Y.UndoManager(segment, { trackedOrigins: new Set(['server']), captureTimeout: 0 }));
  }
  let applied: Y.Transaction | null = null;
  const capture = (tr: Y.Transaction) => {
    if (tr.origin === 'server') applied ??= tr;
  };
  doc.on('afterTransaction', capture);
  try {
    fill();
  } finally {
    doc.off('afterTransaction', capture);
    for (const undo of undos.values()) undo.trackedOrigins = new Set();
  }
  const tr = applied as Y.Transaction | null;
  const inserted = tr ? [...tr.afterState].find(([client, clock]) => clock > (tr.beforeState.get(client) ?? 0)) : undefined;
  if (!tr || !inserted) {
    for (const undo of undos.values()) undo.destroy();
    return;
  }
  const [client, to] = inserted;
  const from = tr.beforeState.get(client) ?? 0;
  const blocks = new Set<Y.AbstractType<unknown>>();
  forEachItem(doc, client, from, to, (item) => blocks.add(item.parent as Y.AbstractType<unknown>));
  const pending = pendingOf(content, typingWon);
  for (const [id, undo] of undos) {
    pending.get(id)?.undo.destroy();
    pending.set(id, { segment: undo.scope[0] as Y.XmlText, undo, client, from, to, deleted: tr.deleteSet, blocks });
  }
}

function pendingOf(content: Room, typingWon: TypingWon): Map<string, PendingFill> {
  const { doc } = content;
  let pending = watched.get(doc);
  if (pending) return pending;
  const fills = new Map<string, PendingFill>();
  watched.set(doc, fills);
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    const who = authorOf(tr.origin);
    if (!who) return;
    for (const [id, fill] of fills) {
      if (!tr.changedParentTypes.has(fill.segment as unknown as Y.AbstractType<Y.YEvent<any>>)) continue;
      const verdict = verdictOn(tr, fill);
      if (verdict === 'unclear') continue;
      fills.delete(id);
      if (verdict === 'had-fill') fill.undo.destroy();
      // Undone once the peer's transaction is over, as the server, for the person who typed.
      else queueMicrotask(() => undoFill(content, id, fill, who, typingWon));
    }
  });
  return fills;
}

function undoFill(content: Room, segmentId: string, fill: PendingFill, who: ChangeAuthor, typingWon: TypingWon): void {
  if (content.doc.isDestroyed) return fill.undo.destroy();
  // Whoever records the change (SPEC 16.9) reads the person from the acting context.
  const undone = actingAs(who, () => content.write(() => fill.undo.undo())).finally(() => fill.undo.destroy());
  typingWon(segmentId, undone);
}

function verdictOn(tr: Y.Transaction, fill: PendingFill): Verdict {
  const isFills = (id: Y.ID | null) => id !== null && id.client === fill.client && id.clock >= fill.from && id.clock < fill.to;
  const wasReplaced = (id: Y.ID | null) => id !== null && Y.isDeleted(fill.deleted, id);
  const deletedFills = (tr.deleteSet.clients.get(fill.client) ?? []).some(({ clock, len }) => clock < fill.to && clock + len > fill.from);
  if (deletedFills) return 'had-fill';
  let verdict: Verdict = 'unclear';
  for (const [client, clock] of tr.afterState) {
    forEachItem(tr.doc, client, tr.beforeState.get(client) ?? 0, clock, (item) => {
      if (!Y.isParentOf(fill.segment, item)) return;
      const parent = item.parent as Y.AbstractType<unknown>;
      if (isFills(item.origin) || isFills(item.rightOrigin) || (parent._item && isFills(parent._item.id))) verdict = 'had-fill';
      else if (verdict === 'unclear' && (wasReplaced(item.origin) || wasReplaced(item.rightOrigin) || (!item.origin && !item.rightOrigin && fill.blocks.has(parent)))) {
        verdict = 'typed-before-fill';
      }
    });
  }
  return verdict;
}

function forEachItem(doc: Y.Doc, client: number, from: number, to: number, fn: (item: Y.Item) => void): void {
  const structs = doc.store.clients.get(client);
  if (!structs || from >= to) return;
  for (let i = Y.findIndexSS(structs, from); i < structs.length && structs[i].id.clock < to; i++) {
    const struct = structs[i];
    if (struct instanceof Y.Item) fn(struct);
  }
}

function authorOf(origin: unknown): ChangeAuthor | null {
  return typeof origin === 'object' && origin !== null && 'who' in origin ? (origin as { who: ChangeAuthor }).who : null;
}
