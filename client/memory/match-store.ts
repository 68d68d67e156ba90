// The Memory panel's matches for one segment (SPEC 18.10): asked for when the caret settles in a
// segment, the question before aborted, answers kept per segment and source text until a status
// changes in the article or a confirmed segment's change is noted (confirming a segment writes the memory, and
// the memory follows a confirmed segment's text as its change is noted, SPEC 18.4).
import type * as Y from 'yjs';
import { ReviewRoom, type SegmentStatus } from '../../shared/schema.js';
import { ApiError } from '../app/api.js';
import type { ReviewSession } from '../collab/review-session.js';
import { ValueStore } from '../app/store.js';
import type { MemoryApi, MemoryMatch } from './memory-api.js';

export type MatchState =
  | { phase: 'none' }
  | { phase: 'loading'; segmentId: string }
  | { phase: 'ready'; segmentId: string; matches: MemoryMatch[]; noSource: boolean }
  | { phase: 'error'; segmentId: string; message: string };

export class MatchStore extends ValueStore<MatchState> {
  private readonly cache = new Map<string, MemoryMatch[]>();
  private asked = '';
  private inflight: AbortController | null = null;
  private readonly statuses: Y.Map<SegmentStatus>;
  private readonly changes: Y.Map<unknown>;
  private readonly forget = () => this.cache.clear();
  /** Edits to draft segments leave the memory as it was: only a confirmed segment's are its units'. */
  private readonly forgetIfConfirmed = (event: Y.YMapEvent<unknown>) => {
    for (const id of event.keysChanged) if ((this.statuses.get(id)?.state ?? 'draft') !== 'draft') return this.forget();
  };
  private readonly stopFollowing: () => void;

  constructor(
    private readonly api: MemoryApi,
    private readonly review: ReviewSession,
  ) {
    super({ phase: 'none' });
    this.statuses = review.doc.getMap(ReviewRoom.status);
    this.statuses.observe(this.forget);
    this.changes = review.doc.getMap(ReviewRoom.changed);
    this.changes.observe(this.forgetIfConfirmed);
    // The sources arriving, or a split or merge changing the shown segment's: asked again (show()
    // does nothing while its source is the same).
    this.stopFollowing = review.subscribe(() => {
      const state = this.get();
      if (state.phase !== 'none') this.show(state.segmentId);
    });
  }

  destroy(): void {
    this.inflight?.abort();
    this.statuses.unobserve(this.forget);
    this.changes.unobserve(this.forgetIfConfirmed);
    this.stopFollowing();
  }

  /** Shows the matches of `segmentId` for its source as it is now. */
  show(segmentId: string): void {
    const source = this.review.get().sources.get(segmentId) ?? '';
    const key = `${segmentId}\n${source}`;
    if (key === this.asked && this.get().phase !== 'error') return;
    this.asked = key;
    this.inflight?.abort();
    this.inflight = null;
    const cached = this.cache.get(key);
    if (cached) return this.set({ phase: 'ready', segmentId, matches: cached, noSource: false });
    if (!source.trim()) return this.set({ phase: 'ready', segmentId, matches: [], noSource: true });
    this.set({ phase: 'loading', segmentId });
    const controller = (this.inflight = new AbortController());
    this.api.matches(segmentId, controller.signal).then(
      (matches) => {
        if (controller.signal.aborted) return;
        this.cache.set(key, matches);
        this.set({ phase: 'ready', segmentId, matches, noSource: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        this.set({ phase: 'error', segmentId, message: error instanceof ApiError ? error.message : 'The memory could not be read.' });
      },
    );
  }

  /** Asks again for the segment shown (after an error). */
  retry(): void {
    const state = this.get();
    if (state.phase === 'none') return;
    this.asked = '';
    this.show(state.segmentId);
  }
}
