// Undo and redo one step at a time, never at the cost of others' text.
// - Yjs' UndoManager pops steps until one changes something: when others already took back or
//   rewrote what my newest step did, it silently undoes an older step instead, perhaps far away.
//   Here a step with nothing left to undo is dropped, and the caller says so.
// - A step that moved text (a split, a join, a reformat: shared/moved-text.ts) is undone as a move:
//   the moved copy is taken back only where the original can be put back, and an original whose
//   copy others deleted since stays deleted (their deletion is not undone with my step).
// - Undoing a paragraph or text node I made keeps it when others wrote into it since: Yjs would
//   delete their text with its container.
// - When others' changes move the text a step made, the step follows it (follow()).
// - When others' change writes again, beside where it was, text a step of mine deleted (a restore
//   writes a version's words as new characters, SPEC 16.5), undoing the step does not bring the old
//   characters back too (forgetRevived()): the text would be there twice.
import * as Y from 'yjs';
import { MovedText, type MovedChar } from '../../shared/moved-text.js';

export type StepResult = 'done' | 'gone' | 'empty';
type Step = Y.UndoManager['undoStack'][number];
type DeleteSet = Step['insertions'];
type Store = Y.Doc['store'];

export class UndoSteps {
  /** The characters each step moved. */
  private readonly moves = new WeakMap<Step, MovedChar[]>();
  /** What the transaction being applied moved, for the step it may add. */
  private moved: MovedText | null = null;
  /** The step being taken, while the manager deletes what it inserted. */
  private taking: Step | null = null;

  private readonly previousFilter: Y.UndoManager['deleteFilter'];

  constructor(readonly manager: Y.UndoManager) {
    const previous = (this.previousFilter = manager.deleteFilter);
    manager.deleteFilter = (item) => previous(item) && !(this.taking && holdsOthers(item, this.taking.insertions));
    manager.on('stack-item-added', this.record);
    manager.on('stack-item-updated', this.record);
  }

  destroy(): void {
    this.manager.deleteFilter = this.previousFilter;
    this.manager.off('stack-item-added', this.record);
    this.manager.off('stack-item-updated', this.record);
  }

  /**
   * Hears every transaction of the document before its observers (and the manager) do, with what
   * it moved: a local one may become a step, a remote one may move what steps made.
   */
  see(transaction: Y.Transaction, moved: MovedText | null): void {
    this.moved = moved;
    if (transaction.local) return;
    if (moved) this.follow(moved);
    this.forgetRevived(transaction, moved);
  }

  /** Undoes or redoes the newest step only: 'gone' when it had nothing left to change (it is dropped). */
  take(kind: 'undo' | 'redo'): StepResult {
    const manager = this.manager;
    const stack = kind === 'undo' ? manager.undoStack : manager.redoStack;
    const step = stack.pop();
    if (!step) return 'empty';
    this.keepMovesWhole(step);
    // The manager pops from the stack it holds at the call until something changes: hand it this step alone.
    setStack(manager, kind, [step]);
    this.taking = step;
    let changed = false;
    try {
      changed = (kind === 'undo' ? manager.undo() : manager.redo()) !== null;
    } finally {
      this.taking = null;
      // The step's reverse went to the other stack; this one keeps the older steps.
      setStack(manager, kind, stack.concat(kind === 'undo' ? manager.undoStack : manager.redoStack));
    }
    return changed ? 'done' : 'gone';
  }

  /** Others' change moved text: steps that inserted it take it back where it is now. */
  private follow(moved: MovedText): void {
    const pairs = moved.pairs();
    if (pairs.length === 0) return;
    for (const step of [...this.manager.undoStack, ...this.manager.redoStack]) {
      const carried = pairs.filter((pair) => Y.isDeleted(step.insertions, pair.from));
      if (carried.length === 0) continue;
      step.insertions = Y.mergeDeleteSets([step.insertions, deleteSetOf(carried.map((pair) => pair.to))]);
      const to = new Map(carried.map((pair) => [key(pair.from), pair.to]));
      for (const pair of this.moves.get(step) ?? []) pair.to = to.get(key(pair.to)) ?? pair.to;
    }
  }

  /**
   * Others' change inserted text that a step deleted, right beside the deleted characters (only
   * deleted ones between): those characters are back already, so the step no longer puts them back.
   */
  private forgetRevived(transaction: Y.Transaction, moved: MovedText | null): void {
    const steps = [...this.manager.undoStack, ...this.manager.redoStack];
    if (steps.length === 0) return;
    // Text the change moved (follow() has the steps follow it) is no text written again.
    const copies = new Set(moved?.pairs().map((pair) => key(pair.to)));
    const copied = (item: Y.Item) => copies.size > 0 && Array.from({ length: item.length }, (_, i) => `${item.id.client}:${item.id.clock + i}`).some((id) => copies.has(id));
    const store = transaction.doc.store;
    const isNew = (item: Y.Item) => item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
    const newText = (item: Y.Item | null): item is Y.Item => !!item && !item.deleted && isNew(item) && item.content instanceof Y.ContentString;
    const revived = new Map<Step, Y.ID[]>();
    const seen = new Set<Y.Item>();
    transaction.afterState.forEach((after, client) => {
      for (let clock = transaction.beforeState.get(client) ?? 0; clock < after; ) {
        const struct = Y.getItem(store, Y.createID(client, clock));
        clock = struct.id.clock + struct.length;
        if (!(struct instanceof Y.Item) || !newText(struct) || seen.has(struct)) continue;
        // The run of new text this item is part of, and the deleted characters on either side of it.
        let first = struct;
        while (newText(first.left)) first = first.left;
        let text = '';
        let last = first;
        let moves = false;
        for (let item: Y.Item | null = first; newText(item); item = item.right) {
          seen.add(item);
          text += (item.content as Y.ContentString).str;
          moves ||= copied(item);
          last = item;
        }
        if (moves) continue;
        const reach = text.length * 4 + 256;
        const sides = [deletedBeside(first, 'left', reach), deletedBeside(last, 'right', reach)];
        // Typing next to no deleted text (the usual remote keystroke) stops here.
        if (sides.every((side) => side.length === 0)) continue;
        // Text is written as the fewest characters that differ, so the words put back may come as
        // a rotation of them ("ab" + "cab" for "abc" + "ab"): the text as it reads now around the
        // new characters counts, as long as they are part of the words found.
        const before = visibleBeside(first, 'left', reach);
        const after = visibleBeside(last, 'right', reach);
        const reads = before + text + after;
        const overlaps = (found: string) => {
          for (let at = reads.indexOf(found); at !== -1; at = reads.indexOf(found, at + 1)) {
            if (at < before.length + text.length && at + found.length > before.length) return true;
          }
          return false;
        };
        for (const side of sides) {
          for (const step of steps) {
            for (const group of deletedBy(step, side)) {
              if (!overlaps(group.text)) continue;
              revived.set(step, [...(revived.get(step) ?? []), ...group.ids]);
            }
          }
        }
      }
    });
    for (const [step, ids] of revived) {
      const restoring = without(step.deletions, ids);
      step.deletions = without(restoring, emptiedContainers(store, ids, restoring));
    }
  }

  private readonly record = (event: { stackItem: Step }) => {
    const moved = this.moved?.pairs();
    if (!moved || moved.length === 0) return;
    this.moves.set(event.stackItem, [...(this.moves.get(event.stackItem) ?? []), ...moved.map((pair) => ({ ...pair }))]);
  };

  /**
   * A move is undone whole or not at all: a copy whose original cannot be put back (its paragraph
   * is gone) stays, and an original whose copy others deleted is not brought back.
   */
  private keepMovesWhole(step: Step): void {
    const store = this.manager.doc.store;
    const keepCopies: Y.ID[] = [];
    const leaveOriginals: Y.ID[] = [];
    for (const { from, to } of this.moves.get(step) ?? []) {
      if (!Y.isDeleted(step.deletions, from) || !Y.isDeleted(step.insertions, to)) continue;
      if (!isAlive(store, to)) leaveOriginals.push(from);
      else if (!canRestore(store, from, step)) (keepCopies.push(to), leaveOriginals.push(from));
    }
    if (keepCopies.length > 0) step.insertions = without(step.insertions, keepCopies);
    if (leaveOriginals.length === 0) return;
    const restoring = without(step.deletions, leaveOriginals);
    step.deletions = without(restoring, emptiedContainers(store, leaveOriginals, restoring));
  }
}

/** The deleted characters next to `from` on one side, up to `reach` of them, in document order. */
function deletedBeside(from: Y.Item, side: 'left' | 'right', reach: number): Array<{ id: Y.ID; char: string }> {
  const items: Y.Item[] = [];
  let count = 0;
  for (let item = from[side]; item && item.deleted && count < reach; item = item[side]) {
    if (!(item.content instanceof Y.ContentString)) continue;
    items.push(item);
    count += item.length;
  }
  if (side === 'left') items.reverse();
  // Clocks count UTF-16 code units, as the string's indexes do.
  return items.flatMap((item) => {
    const str = (item.content as Y.ContentString).str;
    return Array.from({ length: str.length }, (_, i) => ({ id: Y.createID(item.id.client, item.id.clock + i), char: str[i] }));
  });
}

/** The text that reads next to `from` on one side, up to `reach` characters of it. */
function visibleBeside(from: Y.Item, side: 'left' | 'right', reach: number): string {
  const parts: string[] = [];
  let count = 0;
  for (let item = from[side]; item && count < reach; item = item[side]) {
    if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
    parts.push(item.content.str);
    count += item.length;
  }
  if (side === 'left') parts.reverse();
  const text = parts.join('');
  return side === 'left' ? text.slice(-reach) : text.slice(0, reach);
}

/** The runs of `chars` that `step` deleted, each with its text. */
function deletedBy(step: Step, chars: Array<{ id: Y.ID; char: string }>): Array<{ ids: Y.ID[]; text: string }> {
  const groups: Array<{ ids: Y.ID[]; text: string }> = [];
  let group: { ids: Y.ID[]; text: string } | null = null;
  for (const { id, char } of chars) {
    if (!Y.isDeleted(step.deletions, id)) {
      if (group) groups.push(group);
      group = null;
      continue;
    }
    group ??= { ids: [], text: '' };
    group.ids.push(id);
    group.text += char;
  }
  if (group) groups.push(group);
  return groups;
}

function setStack(manager: Y.UndoManager, kind: 'undo' | 'redo', stack: Step[]): void {
  if (kind === 'undo') manager.undoStack = stack;
  else manager.redoStack = stack;
}

const key = (id: Y.ID) => `${id.client}:${id.clock}`;

function itemAt(store: Store, id: Y.ID): Y.Item | null {
  if (!store.clients.has(id.client) || Y.getState(store, id.client) <= id.clock) return null;
  const struct = Y.getItem(store, id);
  return struct instanceof Y.Item ? struct : null;
}

/** The character now standing for `id`: itself, or what an undo put back in its place. */
function current(store: Store, id: Y.ID): Y.Item | null {
  let item = itemAt(store, id);
  for (let hops = 0; item?.deleted && item.redone && hops < 100; hops++) item = itemAt(store, item.redone);
  return item;
}

function isAlive(store: Store, id: Y.ID): boolean {
  const item = current(store, id);
  return !!item && !item.deleted;
}

/** Whether the manager can put a deleted character back where it can be seen. */
function canRestore(store: Store, id: Y.ID, step: Step): boolean {
  const item = itemAt(store, id);
  if (!item) return false;
  if (item.redone) return isAlive(store, id);
  const parent = (item.parent as Y.AbstractType<unknown>)._item;
  if (parent?.deleted && parent.redone === null) {
    // Its paragraph comes back with it, or it cannot.
    if (!Y.isDeleted(step.deletions, parent.id) || !canRestore(store, parent.id, step)) return false;
  } else if (parent && !isAlive(store, parent.id)) return false;
  return !(item.content instanceof Y.ContentString) || inTextNode(item, step);
}

/**
 * Whether a character put back would sit in a Lexical text node: the nearest thing before it that
 * stays (or comes back with it) is text or a text node's properties. Text anywhere else is dropped
 * by the binding.
 */
function inTextNode(item: Y.Item, step: Step): boolean {
  for (let left = item.left; left; left = left.left) {
    const restored = left.deleted && Y.isDeleted(step.deletions, left.id) && left.redone === null;
    const stays = !left.deleted && !Y.isDeleted(step.insertions, left.id);
    if (!restored && !stays) continue;
    if (left.content instanceof Y.ContentString) {
      if (stays) return true;
      continue;
    }
    return isTextNodeMap(left);
  }
  return false;
}

/** A Lexical text node's properties (read from the entries as stored: a deleted map reads empty). */
function isTextNodeMap(item: Y.Item): boolean {
  if (!(item.content instanceof Y.ContentType) || !(item.content.type instanceof Y.Map)) return false;
  const entry = item.content.type._map.get('__type');
  return !!entry && entry.content.getContent()[0] === 'text';
}

/**
 * The text nodes and paragraphs that would come back empty now that the characters left behind
 * (`left`) do not: their text lives on elsewhere, so they stay deleted too.
 */
function emptiedContainers(store: Store, left: Y.ID[], restoring: DeleteSet): Y.ID[] {
  const comesBack = (item: Y.Item) => item.deleted && Y.isDeleted(restoring, item.id);
  const emptied = new Map<Y.Item, true>();
  for (const id of left) {
    const char = itemAt(store, id);
    if (!char) continue;
    // The text node: the map before the character's run.
    let map = char.left;
    while (map && map.content instanceof Y.ContentString) map = map.left;
    if (map && isTextNodeMap(map) && comesBack(map) && !runComesBack(map, restoring)) emptied.set(map, true);
    const paragraph = (char.parent as Y.AbstractType<unknown>)._item;
    if (paragraph && comesBack(paragraph) && !childComesBack(paragraph, restoring, emptied)) emptied.set(paragraph, true);
  }
  return [...emptied.keys()].map((item) => item.id);
}

function runComesBack(map: Y.Item, restoring: DeleteSet): boolean {
  for (let next = map.right; next && next.content instanceof Y.ContentString; next = next.right) {
    if (next.deleted && Y.isDeleted(restoring, next.id)) return true;
  }
  return false;
}

function childComesBack(container: Y.Item, restoring: DeleteSet, emptied: Map<Y.Item, true>): boolean {
  const type = (container.content as Y.ContentType).type;
  for (let child = type._start; child; child = child.right) {
    if (child.countable && child.deleted && Y.isDeleted(restoring, child.id) && !emptied.has(child)) {
      if (!isTextNodeMap(child) || runComesBack(child, restoring)) return true;
    }
  }
  return false;
}

function deleteSetOf(ids: Y.ID[]): DeleteSet {
  const ds = Y.createDeleteSet();
  for (const id of ids) {
    const ranges = ds.clients.get(id.client) ?? [];
    ds.clients.set(id.client, ranges);
    ranges.push({ clock: id.clock, len: 1 } as (typeof ranges)[number]);
  }
  return Y.mergeDeleteSets([ds]);
}

/** `ds` without the given single ids. */
function without(ds: DeleteSet, ids: Y.ID[]): DeleteSet {
  const drop = new Set(ids.map(key));
  const kept: Y.ID[] = [];
  ds.clients.forEach((ranges, client) => {
    for (const { clock, len } of ranges) {
      for (let c = clock; c < clock + len; c++) if (!drop.has(`${client}:${c}`)) kept.push(Y.createID(client, c));
    }
  });
  return deleteSetOf(kept);
}

/**
 * Whether deleting `item` would take text that is not the step's own: a container (paragraph, link,
 * a text node's properties) still holding others' text, or a property of such a container. The
 * manager deletes a step's items children first, so the step's own text is already gone.
 */
function holdsOthers(item: Y.Item, own: DeleteSet): boolean {
  if (item.parentSub !== null) {
    // A property of a container the step made (a paragraph's type, a text node's format).
    const owner = (item.parent as Y.AbstractType<unknown>)._item;
    return owner !== null && !owner.deleted && Y.isDeleted(own, owner.id) && holdsOthers(owner, own);
  }
  if (!(item.content instanceof Y.ContentType)) return false;
  const type = item.content.type;
  // A Lexical text node's properties sit in a map embedded before its text: the text that follows is its.
  if (type instanceof Y.Map) {
    for (let next = item.right; next; next = next.right) {
      if (next.deleted || !next.countable) continue;
      if (!(next.content instanceof Y.ContentString)) return false;
      if (!Y.isDeleted(own, next.id)) return true;
    }
    return false;
  }
  for (let child = type._start; child; child = child.right) {
    if (child.deleted || !child.countable) continue;
    if (!Y.isDeleted(own, child.id) || holdsOthers(child, own)) return true;
  }
  return false;
}
