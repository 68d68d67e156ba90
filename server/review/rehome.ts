// Review records follow their text when segments are split or merged (SPEC 11.10, 11.11): each
// open suggestion and each thread is read as a range of its segment's text before the change, and
// anchored again after it wherever that text went, in whichever segment. A suggestion whose text a
// split cut in two can no longer be applied: it becomes stale. Records of a retired segment, and
// those whose text was already gone, go to the segment that took its place.
import type * as Y from 'yjs';
import { createAnchor, resolveAnchor, type TextRange } from '../../shared/review/anchor.js';
import { ignoredIssuesOf } from '../../shared/review/qa-settings.js';
import { suggestionsOf, threadsOf, type Suggestion, type Thread } from '../../shared/review/types.js';
import type { IgnoredIssue } from '../../shared/qa/profile.js';
import { ignoredIdOf } from './ignored-id.js';

interface Placed<T> {
  record: T;
  /** Its range in its segment's text before the change; null when its text was already gone. */
  range: TextRange | null;
}

export interface SegmentRecords {
  suggestions: Placed<Suggestion>[];
  threads: Placed<Thread>[];
  ignored: IgnoredIssue[];
}

/** Where a range of a segment's text is after the change; `cut` when the change cut it in two. */
export interface Relocated {
  segmentId: string;
  range: TextRange;
  cut: boolean;
}

export interface Relocation {
  /** Where a range of one of the segments is now. */
  range(segmentId: string, range: TextRange): Relocated;
  /** Where an ignored issue belongs now (its text's segment). */
  ignored(issue: IgnoredIssue): string;
  /** Where a record whose text was already gone goes. */
  fallback(segmentId: string): string;
}

const pending = (s: Suggestion) => s.status === 'open' || s.status === 'stale';

/** Before the change: the records of these segments, each with its range now. */
export function recordsOf(content: Y.Doc, review: Y.Doc, segmentIds: ReadonlySet<string>): SegmentRecords {
  const rangeOf = (record: Suggestion | Thread) => {
    const resolved = resolveAnchor(content, record.segmentId, record.anchor, record.quote);
    return resolved.state === 'stale' ? null : resolved.range;
  };
  return {
    suggestions: [...suggestionsOf(review).values()]
      .filter((s) => segmentIds.has(s.segmentId))
      .map((record) => ({ record, range: pending(record) ? rangeOf(record) : null })),
    threads: [...threadsOf(review).values()].filter((t) => segmentIds.has(t.segmentId)).map((record) => ({ record, range: rangeOf(record) })),
    ignored: [...ignoredIssuesOf(review).values()].filter((issue) => segmentIds.has(issue.segmentId)),
  };
}

/** After the change (inside the review room's write): every record where its text went. */
export function rehome(content: Y.Doc, review: Y.Doc, records: SegmentRecords, relocation: Relocation): void {
  const suggestions = suggestionsOf(review);
  for (const { record, range } of records.suggestions) {
    const to = range && relocation.range(record.segmentId, range);
    const anchored = to && !to.cut ? createAnchor(content, to.segmentId, to.range) : null;
    if (anchored) suggestions.set(record.id, { ...record, segmentId: to!.segmentId, ...anchored, status: 'open' });
    else {
      const status = pending(record) ? 'stale' : record.status;
      suggestions.set(record.id, { ...record, segmentId: to?.segmentId ?? relocation.fallback(record.segmentId), status });
    }
  }
  const threads = threadsOf(review);
  for (const { record, range } of records.threads) {
    const to = range && relocation.range(record.segmentId, range);
    const anchored = to && createAnchor(content, to.segmentId, to.range);
    threads.set(record.id, anchored ? { ...record, segmentId: to!.segmentId, ...anchored } : { ...record, segmentId: relocation.fallback(record.segmentId) });
  }
  const ignored = ignoredIssuesOf(review);
  for (const issue of records.ignored) {
    const segmentId = relocation.ignored(issue);
    if (segmentId === issue.segmentId) continue;
    // Its id names its occurrence, segment included (SPEC 14.16).
    const moved = { ...issue, segmentId };
    ignored.delete(issue.id);
    ignored.set(ignoredIdOf(moved), { ...moved, id: ignoredIdOf(moved) });
  }
}
