// Text that a transaction moved. Yjs has no move: when the Lexical binding splits a paragraph
// (Enter), joins two (Backspace at a start), reformats part of a text node or pastes paragraphs into
// one, the text after that point is deleted where it was and inserted again, the same, elsewhere
// (a new paragraph, a new text node). A caret or an undo step that pointed into the old characters
// would resolve to the split point or to nothing. This finds, for a transaction, where such text
// went: deleted runs of characters matched to runs inserted by the same transaction.
import * as Y from 'yjs';

/** One character: an item and an offset into it. */
interface Char {
  item: Y.Item;
  offset: number;
}

/** Consecutive characters of one parent, read in order, and the text they make. */
interface Run {
  parent: Y.AbstractType<unknown>;
  /** Its items in order, embeds included; only text items give characters. */
  items: Y.Item[];
  chars: Char[];
  text: string;
}

/** How a deleted run maps onto an inserted one: offset s of the old text is offset s + shift of the new. */
interface Match {
  target: Run;
  shift: number;
  /** The old offsets that have a place in the new text: [from, to]. */
  from: number;
  to: number;
}

/** A character that moved: where it was (now deleted) and the new character that carries it. */
export interface MovedChar {
  from: Y.ID;
  to: Y.ID;
}

type Position = Pick<Y.RelativePosition, 'type' | 'tname' | 'item' | 'assoc'>;

const isText = (item: Y.Item) => item.content instanceof Y.ContentString;

export class MovedText {
  private inserted: Run[] | null = null;
  private moved: MovedChar[] | null = null;
  private readonly matches = new Map<Y.Item, Match[]>();

  private constructor(private readonly transaction: Y.Transaction) {}

  /** What `transaction` moved; null when it deleted nothing (so it cannot have moved anything). */
  static of(transaction: Y.Transaction): MovedText | null {
    return transaction.deleteSet.clients.size === 0 ? null : new MovedText(transaction);
  }

  /**
   * Where a caret kept as a relative position belongs now that the text around it moved, or null
   * when it stays (nothing around it moved, or what was deleted went nowhere). A caret right after
   * characters that stayed keeps to them: the split was at the caret, and the text before it is the
   * text one was typing.
   */
  followCaret(position: Position): Y.RelativePosition | null {
    const slot = this.slotOf(position);
    if (!slot) return null;
    const left = this.aliveBefore(slot.left);
    const right = this.aliveBefore(slot.right);
    if (left && !this.deletedHere(left.item) && isText(left.item)) return null;
    if (!(left && this.deletedHere(left.item)) && !(right && this.deletedHere(right.item))) return null;
    const anchor = left && this.deletedHere(left.item) ? left : right!;
    const run = this.deletedRun(anchor);
    const at = anchor === left ? textBefore(run, left) + (isText(left.item) ? 1 : 0) : textBefore(run, right!);
    const match = this.matchesOf(run).find((m) => at >= m.from && at <= m.to);
    return match ? positionIn(match.target, at + match.shift) : null;
  }

  /** Every character this transaction moved: its old id and the id of the character now carrying it. */
  pairs(): MovedChar[] {
    if (this.moved) return this.moved;
    const moved: MovedChar[] = [];
    Y.iterateDeletedStructs(this.transaction, this.transaction.deleteSet, (struct) => {
      if (!(struct instanceof Y.Item) || !isText(struct) || this.isNew(struct)) return;
      for (let offset = 0; offset < struct.length; offset++) {
        const char = { item: struct, offset };
        const run = this.deletedRun(char);
        const at = textBefore(run, char);
        const match = this.matchesOf(run).find((m) => at >= m.from && at < m.to);
        if (!match) continue;
        const target = match.target.chars[at + match.shift];
        moved.push({ from: idOf(char), to: idOf(target) });
      }
    });
    return (this.moved = moved);
  }

  private isNew(item: Y.Item): boolean {
    return item.id.clock >= (this.transaction.beforeState.get(item.id.client) ?? 0);
  }

  private deletedHere(item: Y.Item): boolean {
    return !this.isNew(item) && Y.isDeleted(this.transaction.deleteSet, item.id);
  }

  /** Whether an item was there, visible, before the transaction. */
  private wasVisible(item: Y.Item): boolean {
    return item.countable && !this.isNew(item) && (!item.deleted || this.deletedHere(item));
  }

  /** The nearest character (or embed) visible before the transaction, from `char` on in one direction. */
  private aliveBefore(found: { char: Char | null; step: 'left' | 'right' }): Char | null {
    let { char } = found;
    while (char && !this.wasVisible(char.item)) char = neighbour(char.item, found.step);
    return char;
  }

  /** Where a relative position sits: between which characters of its parent. */
  private slotOf(position: Position): { left: { char: Char | null; step: 'left' }; right: { char: Char | null; step: 'right' } } | null {
    const store = this.transaction.doc.store;
    if (position.item) {
      if (!store.clients.has(position.item.client)) return null;
      const struct = Y.getItem(store, position.item);
      if (!(struct instanceof Y.Item)) return null;
      const offset = position.item.clock - struct.id.clock;
      const left = offset > 0 ? { item: struct, offset: offset - 1 } : neighbour(struct, 'left');
      return { left: { char: left, step: 'left' }, right: { char: { item: struct, offset }, step: 'right' } };
    }
    let parent: Y.AbstractType<unknown> | null = null;
    if (position.tname) parent = (this.transaction.doc.share.get(position.tname) as Y.AbstractType<unknown> | undefined) ?? null;
    else if (position.type && store.clients.has(position.type.client)) {
      const struct = Y.getItem(store, position.type);
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) parent = struct.content.type;
    }
    if (!parent) return null;
    let last = parent._start;
    while (last?.right) last = last.right;
    return { left: { char: last && { item: last, offset: last.length - 1 }, step: 'left' }, right: { char: null, step: 'right' } };
  }

  /** The run of characters deleted by this transaction around `char` (embeds between them skipped). */
  private deletedRun(char: Char): Run {
    const items: Y.Item[] = [char.item];
    for (let item = char.item.left; item && (!this.wasVisible(item) || this.deletedHere(item)); item = item.left) {
      if (this.wasVisible(item)) items.unshift(item);
    }
    for (let item = char.item.right; item && (!this.wasVisible(item) || this.deletedHere(item)); item = item.right) {
      if (this.wasVisible(item)) items.push(item);
    }
    return runOf(char.item.parent as Y.AbstractType<unknown>, items);
  }

  /** Runs of text this transaction inserted, each as long as its inserted characters follow each other. */
  private insertedRuns(): Run[] {
    if (this.inserted) return this.inserted;
    const seen = new Set<Y.Item>();
    const runs: Run[] = [];
    const isInserted = (item: Y.Item) => this.isNew(item) && !item.deleted;
    this.transaction.afterState.forEach((end, client) => {
      const start = this.transaction.beforeState.get(client) ?? 0;
      if (end <= start) return;
      const structs = this.transaction.doc.store.clients.get(client) ?? [];
      for (let i = structs.length - 1; i >= 0 && structs[i].id.clock + structs[i].length > start; i--) {
        const struct = structs[i];
        if (!(struct instanceof Y.Item) || !isText(struct) || !isInserted(struct) || seen.has(struct)) continue;
        let first = struct;
        while (first.left && (isInserted(first.left) || (first.left.deleted && !this.wasVisible(first.left)))) first = first.left;
        const items: Y.Item[] = [];
        for (let item: Y.Item | null = first; item && (isInserted(item) || (item.deleted && !this.wasVisible(item))); item = item.right) {
          if (isInserted(item) && isText(item)) (seen.add(item), items.push(item));
        }
        runs.push(runOf(struct.parent as Y.AbstractType<unknown>, items));
      }
    });
    return (this.inserted = runs);
  }

  /**
   * Where `run`'s text went: the inserted runs holding it, whole or in parts (text that moved can
   * come out in several pieces when others' text sits between them), longest first, not overlapping.
   */
  private matchesOf(run: Run): Match[] {
    const key = run.chars[0].item;
    const known = this.matches.get(key);
    if (known) return known;
    const candidates: Match[] = [];
    for (const target of this.insertedRuns()) {
      if (target.text.length === 0) continue;
      const whole = target.text.indexOf(run.text);
      const part = whole >= 0 ? -1 : run.text.indexOf(target.text);
      if (whole >= 0) candidates.push({ target, shift: whole, from: 0, to: run.text.length });
      else if (part >= 0) candidates.push({ target, shift: -part, from: part, to: part + target.text.length });
      else candidates.push(...rewritten(run, target));
    }
    candidates.sort((a, b) => b.to - b.from - (a.to - a.from));
    const chosen: Match[] = [];
    for (const match of candidates) {
      if (chosen.every((c) => match.to <= c.from || match.from >= c.to)) chosen.push(match);
    }
    this.matches.set(key, chosen);
    return chosen;
  }
}

/**
 * A run written again with a change inside (Lexical rewrites a whole text node when a replacement
 * starts at its first character, as an accepted suggestion may): the text before the change and
 * the text after it, when together they are most of it.
 */
function rewritten(run: Run, target: Run): Match[] {
  const [a, b] = [run.text, target.text];
  const most = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < most && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < most - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  if (prefix + suffix < 2 || (prefix + suffix) * 2 < most) return [];
  const matches: Match[] = [];
  if (prefix > 0) matches.push({ target, shift: 0, from: 0, to: prefix });
  if (suffix > 0) matches.push({ target, shift: b.length - a.length, from: a.length - suffix, to: a.length });
  return matches;
}

function neighbour(item: Y.Item, step: 'left' | 'right'): Char | null {
  const next = step === 'left' ? item.left : item.right;
  return next && { item: next, offset: step === 'left' ? next.length - 1 : 0 };
}

function runOf(parent: Y.AbstractType<unknown>, items: Y.Item[]): Run {
  const chars: Char[] = [];
  let text = '';
  for (const item of items) {
    if (!isText(item)) continue;
    for (let offset = 0; offset < item.length; offset++) chars.push({ item, offset });
    text += (item.content as Y.ContentString).str;
  }
  return { parent, items, chars, text };
}

/** How many of a run's characters come before `char` (an embed counts none). */
function textBefore(run: Run, char: Char): number {
  let count = 0;
  for (const item of run.items) {
    if (item === char.item) return count + (isText(item) ? char.offset : 0);
    if (isText(item)) count += item.length;
  }
  return count;
}

/** A relative position before character `at` of a run (at its end: after its last character). */
function positionIn(run: Run, at: number): Y.RelativePosition {
  const char = run.chars[Math.min(at, run.chars.length - 1)];
  let index = at >= run.chars.length ? char.offset + 1 : char.offset;
  for (let item = char.item.left; item; item = item.left) if (!item.deleted && item.countable) index += item.length;
  return Y.createRelativePositionFromTypeIndex(run.parent, index);
}

function idOf(char: Char): Y.ID {
  return Y.createID(char.item.id.client, char.item.id.clock + char.offset);
}
