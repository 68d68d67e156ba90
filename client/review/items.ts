// The suggestions and comment threads of the review room, as the page shows them: pending ones
// (open or stale) and threads, grouped by segment. Rebuilt only when the review room's suggestions
// or threads change — never per keystroke.
import type * as Y from 'yjs';
import { suggestionsOf, threadsOf, type Suggestion, type Thread } from '../../shared/review/types.js';
import { Listeners } from '../app/store.js';

export interface SegmentItems {
  suggestions: Suggestion[];
  threads: Thread[];
  openSuggestions: number;
  openThreads: number;
}

export interface ReviewItemsSnapshot {
  /** Open and stale suggestions, oldest first. */
  suggestions: Suggestion[];
  /** Every thread, oldest first. */
  threads: Thread[];
  bySegment: ReadonlyMap<string, SegmentItems>;
  openSuggestions: number;
  openThreads: number;
  resolvedThreads: number;
}

export const isPending = (s: Suggestion) => s.status === 'open' || s.status === 'stale';
const startedAt = (t: Thread) => t.comments[0]?.at ?? 0;

function build(suggestionMap: Y.Map<Suggestion>, threadMap: Y.Map<Thread>): ReviewItemsSnapshot {
  const suggestions = [...suggestionMap.values()].filter(isPending).sort((a, b) => a.createdAt - b.createdAt);
  const threads = [...threadMap.values()].sort((a, b) => startedAt(a) - startedAt(b));
  const bySegment = new Map<string, SegmentItems>();
  const entry = (id: string) => {
    let items = bySegment.get(id);
    if (!items) bySegment.set(id, (items = { suggestions: [], threads: [], openSuggestions: 0, openThreads: 0 }));
    return items;
  };
  for (const s of suggestions) {
    const items = entry(s.segmentId);
    items.suggestions.push(s);
    items.openSuggestions++;
  }
  let resolvedThreads = 0;
  for (const t of threads) {
    const items = entry(t.segmentId);
    items.threads.push(t);
    if (t.resolved) resolvedThreads++;
    else items.openThreads++;
  }
  return { suggestions, threads, bySegment, openSuggestions: suggestions.length, openThreads: threads.length - resolvedThreads, resolvedThreads };
}

export class ReviewItems {
  private snapshot: ReviewItemsSnapshot;
  private readonly listeners = new Listeners();

  constructor(doc: Y.Doc) {
    const suggestions = suggestionsOf(doc);
    const threads = threadsOf(doc);
    this.snapshot = build(suggestions, threads);
    const refresh = () => {
      this.snapshot = build(suggestions, threads);
      this.listeners.notify();
    };
    suggestions.observe(refresh);
    threads.observe(refresh);
  }

  readonly subscribe = this.listeners.subscribe;

  readonly get = (): ReviewItemsSnapshot => this.snapshot;
}
