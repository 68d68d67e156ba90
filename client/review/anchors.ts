// Where each suggestion and thread stands in the translation now: its anchor resolved against the
// content room (shared/review/anchor.ts). Only the segments a change touched are resolved again;
// a change to the review items, or to the list of segments, resolves everything.
import * as Y from 'yjs';
import { CONTENT_ROOT } from '../../shared/schema.js';
import { resolveAnchor, type TextRange } from '../../shared/review/anchor.js';
import { enclosingSegment, segmentIdOf } from '../../shared/review/text-map.js';
import type { Suggestion, Thread } from '../../shared/review/types.js';
import type { ReviewItems } from './items.js';

export interface Placed {
  id: string;
  segmentId: string;
  suggestion: Suggestion | null;
  thread: Thread | null;
  /** Null when the anchored text is gone (stale). */
  range: TextRange | null;
  /** A comment on the whole segment: no highlight of its own. */
  whole: boolean;
}

export class AnchorCache {
  private placed = new Map<string, Placed>();
  private readonly dirty = new Set<string>();
  private everything = true;
  private changed: Set<string> | 'all' = 'all';
  private readonly stop: () => void;

  constructor(
    private readonly content: Y.Doc,
    private readonly items: ReviewItems,
    onChange: () => void,
  ) {
    const root = content.get(CONTENT_ROOT, Y.XmlText);
    const observer = (events: Array<Y.YEvent<any>>) => {
      for (const event of events) {
        const segment = event.target === root ? null : enclosingSegment(event.target, root);
        const id = segment && segmentIdOf(segment);
        if (id) this.dirty.add(id);
        else this.everything = true;
      }
      onChange();
    };
    root.observeDeep(observer);
    const unsubscribe = items.subscribe(() => {
      this.everything = true;
      onChange();
    });
    this.stop = () => (root.unobserveDeep(observer), unsubscribe());
  }

  destroy(): void {
    this.stop();
  }

  /** The segments resolved anew since the last call ('all' after a change to the items). */
  takeChanged(): ReadonlySet<string> | 'all' {
    this.current();
    const changed = this.changed;
    this.changed = new Set();
    return changed;
  }

  /** Every pending suggestion and every thread, placed; resolves only what may have moved. */
  current(): ReadonlyMap<string, Placed> {
    if (!this.everything && this.dirty.size === 0) return this.placed;
    if (this.everything) this.changed = 'all';
    else if (this.changed !== 'all') for (const id of this.dirty) this.changed.add(id);
    const { suggestions, threads } = this.items.get();
    const next = new Map<string, Placed>();
    const place = (id: string, segmentId: string, suggestion: Suggestion | null, thread: Thread | null) => {
      const old = this.placed.get(id);
      if (!this.everything && old && !this.dirty.has(segmentId)) return next.set(id, old);
      const { anchor, quote } = (suggestion ?? thread)!;
      const resolved = resolveAnchor(this.content, segmentId, anchor, quote);
      const range = resolved.state === 'stale' ? null : resolved.range;
      const length = resolved.text?.length ?? -1;
      const whole = thread !== null && quote.prefix === '' && quote.suffix === '' && range !== null && range.start === 0 && range.end === length;
      next.set(id, { id, segmentId, suggestion, thread, range, whole });
    };
    for (const s of suggestions) place(s.id, s.segmentId, s, null);
    for (const t of threads) place(t.id, t.segmentId, null, t);
    this.placed = next;
    this.dirty.clear();
    this.everything = false;
    return next;
  }

  /** The items whose range holds a plain-text offset of a segment (narrowest first). */
  at(segmentId: string, offset: number): Placed[] {
    return [...this.current().values()]
      .filter((p) => p.segmentId === segmentId && p.range && p.range.start <= offset && offset <= p.range.end && !p.thread?.resolved)
      .sort((a, b) => a.range!.end - a.range!.start - (b.range!.end - b.range!.start));
  }
}
