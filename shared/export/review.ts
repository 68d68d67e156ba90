// What an export needs from the review room: sources, statuses, open threads and the omitted
// segments, which every export leaves out (XLIFF keeps them, marked) (SPEC 12, 11.9).
import { $getSegments, $readSegments } from '../article.js';
import { $getSegmentId, type SegmentNode } from '../nodes/index.js';
import type { SegmentState } from '../schema.js';

type Lookup<T> = ReadonlyMap<string, T> | Readonly<Record<string, T>>;

export interface ExportThread {
  id: string;
  segmentId: string;
  resolved: boolean;
  quote: { exact: string };
  comments: ReadonlyArray<{ author: string; text: string }>;
}

export interface ExportReview {
  sources: Lookup<string>;
  statuses: Lookup<SegmentState>;
  /** Resolved threads are left out of the export. */
  threads?: Iterable<ExportThread>;
  /** Segments left out of the export (XLIFF marks them instead). */
  omitted?: ReadonlySet<string>;
}

/** A segment as the json and xliff exports show it: the shape of GET /api/documents/:id. */
export interface SegmentRow {
  id: string;
  index: number;
  source: string | null;
  target: string;
  status: SegmentState;
  omitted: boolean;
}

function lookup<T>(from: Lookup<T> | undefined, key: string): T | undefined {
  if (from === undefined) return undefined;
  if (from instanceof Map) return from.get(key);
  const record = from as Readonly<Record<string, T>>;
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Every segment, empty and omitted ones too, with its source and status; call inside an editor's read. */
export function $segmentRows(review: ExportReview | undefined): SegmentRow[] {
  return $readSegments().map(({ id, text }, index) => ({
    id,
    index,
    source: lookup(review?.sources, id) ?? null,
    target: text,
    status: lookup(review?.statuses, id) ?? 'draft',
    omitted: review?.omitted?.has(id) ?? false,
  }));
}

/** The segments an export writes: all but the omitted; call inside an editor's read. */
export function $exportedSegments(review: ExportReview | undefined): SegmentNode[] {
  return $getSegments().filter((segment) => !review?.omitted?.has($getSegmentId(segment)));
}

/** Open threads by segment id, oldest first as the review room keeps them. */
export function openThreads(review: ExportReview | undefined): Map<string, ExportThread[]> {
  const bySegment = new Map<string, ExportThread[]>();
  for (const thread of review?.threads ?? []) {
    if (thread.resolved) continue;
    bySegment.set(thread.segmentId, [...(bySegment.get(thread.segmentId) ?? []), thread]);
  }
  return bySegment;
}
