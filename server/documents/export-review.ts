// What an export takes from the review room (SPEC 12): sources, statuses, threads, the omitted
// segments, and the count of unresolved work it announces in headers (SPEC 12.4), which leaves out
// the omitted segments' suggestions and threads as the export leaves out their text.
import type * as Y from 'yjs';
import type { ExportReview } from '../../shared/export/index.js';
import { ReviewRoom, type SegmentState, type SegmentStatus } from '../../shared/schema.js';
import { suggestionsOf, threadsOf } from '../../shared/review/types.js';
import { omittedIds } from '../../shared/review/omitted.js';
import { readSources } from './review-room.js';

export interface ReviewForExport {
  review: ExportReview;
  openSuggestions: number;
  openThreads: number;
}

/** A copy, taken while the room is held. */
export function reviewForExport(doc: Y.Doc): ReviewForExport {
  const statuses = new Map<string, SegmentState>();
  doc.getMap<SegmentStatus>(ReviewRoom.status).forEach((status, id) => statuses.set(id, status.state));
  const omitted = omittedIds(doc);
  const threads = [...threadsOf(doc).values()];
  const suggestions = [...suggestionsOf(doc).values()].filter((s) => !omitted.has(s.segmentId));
  return {
    review: { sources: new Map(readSources(doc).entries()), statuses, threads, omitted },
    openSuggestions: suggestions.filter((s) => s.status === 'open' || s.status === 'stale').length,
    openThreads: threads.filter((t) => !t.resolved && !omitted.has(t.segmentId)).length,
  };
}

/** Headers every export answers with. */
export function unresolvedWorkHeaders(
  work: Pick<ReviewForExport, 'openSuggestions' | 'openThreads'> & { qaErrors: number },
): Record<string, string> {
  return {
    'x-tandem-open-suggestions': String(work.openSuggestions),
    'x-tandem-open-threads': String(work.openThreads),
    'x-tandem-qa-errors': String(work.qaErrors),
  };
}
