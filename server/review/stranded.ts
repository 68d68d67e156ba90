// Typing that a split or a merge overtook (SPEC 11.12). Yjs cannot move text: a split deletes the
// text after the caret and inserts a copy in the new segment, a merge does so with the next
// segment's blocks. An editor who typed into that text before their page heard of the change sent
// characters anchored to the deleted originals: a split would show them at the end of the first
// half, a merge would drop them with the deleted block. The server remembers where each moved
// character went (shared/moved-text.ts) and, when such typing arrives, writes it again beside the
// copy of the character it was typed after (or before) and removes the stray one — so it lands
// where it was typed, for every page, and later keystrokes typed after it follow it. Only typing
// inside moved text moves: at its very end it cannot be told from a page that knew of the move
// typing at the end of the half that stayed, so it stays there.
import * as Y from 'yjs';
import type { Logger } from 'pino';
import { MovedText } from '../../shared/moved-text.js';
import type { Room } from '../collab/room.js';

/** How many moved characters a room remembers (the oldest are forgotten first). */
const REMEMBERED = 200_000;

const key = (id: Y.ID) => `${id.client}:${id.clock}`;

/** Per content room: the id of a character that moved → the id of the character now carrying it. */
const movesOf = new WeakMap<Y.Doc, Map<string, Y.ID>>();

function remember(doc: Y.Doc, from: Y.ID, to: Y.ID): void {
  let moves = movesOf.get(doc);
  if (!moves) movesOf.set(doc, (moves = new Map()));
  moves.set(key(from), to);
  if (moves.size > REMEMBERED) moves.delete(moves.keys().next().value!);
}

/** Per content room: what a move deleted, kept from Yjs' garbage collection (see keepMoved). */
const keptOf = new WeakMap<Y.Doc, WeakSet<Y.Item>>();

/**
 * Keeps what a move deleted from Yjs' garbage collection: typing that arrives anchored in a block
 * the move deleted whole (a merge) would otherwise be collected as it arrives, its text unread.
 */
function keepMoved(transaction: Y.Transaction): void {
  const { doc } = transaction;
  let kept = keptOf.get(doc);
  if (!kept) {
    const set = (kept = new WeakSet());
    keptOf.set(doc, set);
    const collect = doc.gcFilter;
    doc.gcFilter = (item) => !set.has(item) && collect(item);
  }
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (struct instanceof Y.Item) kept.add(struct);
  });
}

/** Runs `change`, a server write that moves text (a split or a merge), remembering where its text went. */
export function recordingMoves<T>(doc: Y.Doc, change: () => T): T {
  // Read before Yjs collects the deleted characters, at the end of the transaction.
  const listen = (transaction: Y.Transaction) => {
    for (const { from, to } of MovedText.of(transaction)?.pairs() ?? []) remember(doc, from, to);
    keepMoved(transaction);
  };
  doc.on('beforeObserverCalls', listen);
  try {
    return change();
  } finally {
    doc.off('beforeObserverCalls', listen);
  }
}

/** A run of typed characters that arrived anchored to moved text. */
interface Stray {
  id: Y.ID;
  text: string;
  /** The moved character it was typed after, or (with none) before. */
  after: Y.ID | null;
  before: Y.ID | null;
}

/**
 * The runs a transaction inserted inside moved text: typed between two moved characters (or after
 * or before one of the runs found so far, `strays`, which holds the characters of runs found and not
 * yet written again), or into a block the move deleted. Typed at the end of moved text, a run is
 * left where it is: a page that knows of the move puts its typing there too (Yjs places an insert
 * after the deleted characters that follow the caret), at the end of the half that stayed.
 */
function straysOf(transaction: Y.Transaction, moves: Map<string, Y.ID>, strays: Set<string>): Stray[] {
  const { doc } = transaction;
  const isNew = (item: Y.Item) => item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
  let inserted: Y.Item[] = [];
  transaction.afterState.forEach((end, client) => {
    const start = transaction.beforeState.get(client) ?? 0;
    const structs = doc.store.clients.get(client) ?? [];
    for (let i = structs.length - 1; i >= 0 && structs[i].id.clock + structs[i].length > start && end > start; i--) {
      const item = structs[i];
      if (item instanceof Y.Item && item.content instanceof Y.ContentString && isNew(item)) inserted.push(item);
    }
  });
  const isMoved = (id: Y.ID | null): id is Y.ID => id !== null && (moves.has(key(id)) || strays.has(key(id)));
  const kept = keptOf.get(doc);
  const inside = (item: Y.Item): boolean => {
    if ((item.parent as Y.AbstractType<unknown>)._item?.deleted) return true;
    let right = item.right;
    while (right && (isNew(right) || !right.countable)) right = right.right;
    return right !== null && right.deleted && (kept?.has(right) === true || isMoved(right.id));
  };
  const found: Stray[] = [];
  // Each keystroke may come from a client of its own, typed after another's: found in passes.
  for (let more = true; more; ) {
    more = false;
    inserted = inserted.filter((item) => {
      const left = item.origin ? Y.getItem(doc.store, item.origin) : null;
      // Typed after a character that stayed, it is where it was typed.
      const leftStayed = left instanceof Y.Item && !left.deleted && !isMoved(item.origin);
      const after = isMoved(item.origin) ? item.origin : null;
      const before = !after && !leftStayed && isMoved(item.rightOrigin) ? item.rightOrigin : null;
      if ((!after && !before) || !inside(item)) return true;
      found.push({ id: item.id, text: (item.content as Y.ContentString).str, after, before });
      for (let offset = 0; offset < item.length; offset++) strays.add(key(Y.createID(item.id.client, item.id.clock + offset)));
      more = true;
      return false;
    });
  }
  return found;
}

/** Where a character is now: its type and index, or null when it is gone for good. */
function placeOf(doc: Y.Doc, id: Y.ID): { type: Y.XmlText; index: number } | null {
  const position = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON({ item: id, assoc: 0 }), doc);
  return position && position.type instanceof Y.XmlText ? { type: position.type, index: position.index } : null;
}

/** Deletes whatever of the stray characters is still visible where they arrived. */
function removeStray(doc: Y.Doc, stray: Stray): void {
  for (let offset = stray.text.length - 1; offset >= 0; offset--) {
    const id = Y.createID(stray.id.client, stray.id.clock + offset);
    const item = Y.getItem(doc.store, id);
    if (!(item instanceof Y.Item) || item.deleted) continue;
    const place = placeOf(doc, id);
    if (place) place.type.delete(place.index, 1);
  }
}

/** Writes a stray run again beside the copy of its neighbour, and remembers its own new place. */
function rehome(doc: Y.Doc, moves: Map<string, Y.ID>, stray: Stray): void {
  const neighbour = moves.get(key((stray.after ?? stray.before)!));
  if (!neighbour || !placeOf(doc, neighbour)) return;
  removeStray(doc, stray);
  const again = placeOf(doc, neighbour)!;
  // Beside its neighbour; where the neighbour was, when someone deleted it since.
  const alive = !(Y.getItem(doc.store, neighbour) as Y.Item).deleted;
  const clock = Y.getState(doc.store, doc.clientID);
  again.type.insert(again.index + (stray.after && alive ? 1 : 0), stray.text);
  for (let offset = 0; offset < stray.text.length; offset++) {
    remember(doc, Y.createID(stray.id.client, stray.id.clock + offset), Y.createID(doc.clientID, clock + offset));
  }
}

/** Watches a content room for typing that a split or a merge overtook, and puts it where it belongs. */
export function rescueStranded(room: Room, logger: Logger): void {
  const pending: Stray[] = [];
  const pendingChars = new Set<string>();
  room.doc.on('beforeObserverCalls', (transaction: Y.Transaction) => {
    const moves = movesOf.get(room.doc);
    if (!moves || transaction.origin === 'server' || transaction.origin === 'load') return;
    const strays = straysOf(transaction, moves, pendingChars);
    if (strays.length === 0) return;
    if (pending.length === 0) queueMicrotask(flush);
    pending.push(...strays);
  });
  const flush = () => {
    const strays = pending.splice(0);
    pendingChars.clear();
    const moves = movesOf.get(room.doc)!;
    room
      .write((doc) => {
        for (const stray of strays) rehome(doc, moves, stray);
      })
      .catch((error) => logger.error({ err: error, doc: room.docId }, 'putting back typing a split or merge overtook failed'));
  };
}
