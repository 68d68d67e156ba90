// How far the article is: segments and words (of the translation) per status. Word counts are kept
// per segment and recounted only for segments whose text changed, a little after typing pauses;
// statuses come live from the review room.
import * as Y from 'yjs';
import { CONTENT_ROOT, SEGMENT_STATES, type SegmentState } from '../../shared/schema.js';
import { enclosingSegment, mapSegment, segmentIdOf, segmentTypes } from '../../shared/review/text-map.js';
import type { ReviewSession } from '../collab/review-session.js';
import { ValueStore } from './value-store.js';

export type Tally = Record<SegmentState, { segments: number; words: number }>;
export interface Progress {
  segments: number;
  words: number;
  byState: Tally;
}

const WORD = /[\p{L}\p{N}]/u;
export const countWords = (text: string) => text.split(/\s+/).filter((w) => WORD.test(w)).length;

const sameProgress = (a: Progress, b: Progress) => JSON.stringify(a) === JSON.stringify(b);
const RECOUNT_MS = 300;

export function progressOf(doc: Y.Doc, review: ReviewSession): ValueStore<Progress> {
  const root = doc.get(CONTENT_ROOT, Y.XmlText);
  const words = new Map<string, number>();
  let order: string[] = [];
  let everything = true;
  const dirty = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const compute = (): Progress => {
    if (everything) {
      words.clear();
      order = [];
      for (const type of segmentTypes(doc)) {
        const id = segmentIdOf(type)!;
        order.push(id);
        words.set(id, countWords(mapSegment(type).text));
      }
    } else {
      for (const type of segmentTypes(doc)) {
        const id = segmentIdOf(type)!;
        if (dirty.has(id)) words.set(id, countWords(mapSegment(type).text));
      }
    }
    everything = false;
    dirty.clear();
    const byState = Object.fromEntries(SEGMENT_STATES.map((s) => [s, { segments: 0, words: 0 }])) as Tally;
    const statuses = review.get().statuses;
    let total = 0;
    for (const id of order) {
      const tally = byState[statuses.get(id)?.state ?? 'draft'] ?? byState.draft;
      const count = words.get(id) ?? 0;
      tally.segments++;
      tally.words += count;
      total += count;
    }
    return { segments: order.length, words: total, byState };
  };

  const store = new ValueStore<Progress>(compute(), sameProgress);
  const refresh = () => store.set(compute());
  root.observeDeep((events) => {
    for (const event of events) {
      const segment = event.target === root ? null : enclosingSegment(event.target, root);
      const id = segment && segmentIdOf(segment);
      if (id) dirty.add(id);
      else everything = true;
    }
    if (timer === null) timer = setTimeout(() => ((timer = null), refresh()), RECOUNT_MS);
  });
  review.subscribe(refresh);
  return store;
}
