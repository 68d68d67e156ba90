// How far the article is: segments and words (of the translation, as shared/word-count.ts counts
// them) per status. Word counts are kept per segment and recounted only for segments whose text
// changed, a little after typing (at most every second, when the page is idle: each recount redraws
// the header, a frame of its own); statuses come live from the review room. Omitted segments count
// apart (SPEC 11.9): not in any status, nor in the totals.
import { SEGMENT_STATES, type SegmentState } from '../../shared/schema.js';
import { countWords } from '../../shared/word-count.js';
import type { SegmentTextMap } from '../../shared/review/text-map.js';
import type { ContentSession } from '../collab/content-session.js';
import type { ReviewSession } from '../collab/review-session.js';
import { ValueStore } from '../app/store.js';
import { whenIdle } from '../app/when-idle.js';

export type Tally = Record<SegmentState, { segments: number; words: number }>;
export interface Progress {
  /** The segments and words that count: all but the omitted. */
  segments: number;
  words: number;
  byState: Tally;
  omitted: { segments: number; words: number };
}

const sameProgress = (a: Progress, b: Progress) => JSON.stringify(a) === JSON.stringify(b);
const RECOUNT_MS = 1000;

export function progressOf(content: ContentSession, review: ReviewSession): ValueStore<Progress> {
  // Keyed by the segment's text map, which is new whenever its text changed.
  const words = new WeakMap<SegmentTextMap, number>();
  const compute = (): Progress => {
    const byState = Object.fromEntries(SEGMENT_STATES.map((s) => [s, { segments: 0, words: 0 }])) as Tally;
    const omitted = { segments: 0, words: 0 };
    const { statuses, omitted: omittedIds } = review.get();
    const segments = content.texts.all();
    let total = 0;
    for (const segment of segments) {
      let count = words.get(segment);
      if (count === undefined) words.set(segment, (count = countWords(segment.text)));
      const tally = omittedIds.has(segment.segmentId) ? omitted : (byState[statuses.get(segment.segmentId)?.state ?? 'draft'] ?? byState.draft);
      tally.segments++;
      tally.words += count;
      if (tally !== omitted) total += count;
    }
    return { segments: segments.length - omitted.segments, words: total, byState, omitted };
  };

  const store = new ValueStore<Progress>(compute(), sameProgress);
  const refresh = () => store.set(compute());
  let timer: ReturnType<typeof setTimeout> | null = null;
  content.doc.on('update', () => {
    if (timer === null) timer = setTimeout(() => whenIdle(() => ((timer = null), refresh()), RECOUNT_MS), RECOUNT_MS);
  });
  review.subscribe(refresh);
  return store;
}
