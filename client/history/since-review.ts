// "What changed since I last reviewed" (SPEC 16.13, 16.16). Each Reviewed or Approved mark records in
// the review room's `reviewedIn` map the version holding the text it was made on; the desk compares
// with the version of this person's latest such mark (the newest record by them), which stays after
// edits send the status back to Translated. A mark without a record (made before the server kept
// them), or whose version has been thinned since, falls back to the newest version saved at or
// before the mark.
import type { SegmentStatus } from '../../shared/schema.js';
import type { Version } from './history-api.js';

export interface ReviewMark {
  versionId?: string;
  by: string | null;
  at: number;
}

/** `name`'s latest mark: the newest `reviewedIn` record by them, else their newest standing Reviewed or Approved status. */
export function lastReview(reviewedIn: Iterable<ReviewMark>, statuses: ReadonlyMap<string, SegmentStatus>, name: string): ReviewMark | null {
  let last: ReviewMark | null = null;
  for (const mark of reviewedIn) if (mark.by === name && mark.versionId && (!last || mark.at > last.at)) last = mark;
  if (last) return last;
  for (const status of statuses.values()) {
    if (status.by === name && (status.state === 'reviewed' || status.state === 'approved') && (!last || status.at > last.at)) last = { by: name, at: status.at };
  }
  return last;
}

/** The version to compare with for `mark` (`versions` newest first), and whether it is the one the mark recorded. */
export function versionOfReview(versions: readonly Version[], mark: ReviewMark): { version: Version; exact: boolean } | null {
  const recorded = mark.versionId ? versions.find((v) => v.id === mark.versionId) : undefined;
  if (recorded) return { version: recorded, exact: true };
  const before = versions.find((v) => v.createdAt <= mark.at);
  return before ? { version: before, exact: false } : null;
}
