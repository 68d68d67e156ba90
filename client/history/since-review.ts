// "What changed since I last reviewed" (SPEC 16.13). The server keeps no mark of the version a
// review was made on; what it keeps is each segment's status with who set it and when. So the
// comparison is with the newest version saved before this person's latest Reviewed or Approved
// mark still standing: it shows every change made since, and perhaps a few made just before.
import type { SegmentStatus } from '../../shared/schema.js';
import type { Version } from './history-api.js';

/** When `name` last marked a segment Reviewed or Approved (among the statuses now set), or null. */
export function lastReviewAt(statuses: ReadonlyMap<string, SegmentStatus>, name: string): number | null {
  let last: number | null = null;
  for (const status of statuses.values()) {
    if (status.by === name && (status.state === 'reviewed' || status.state === 'approved')) last = Math.max(last ?? 0, status.at);
  }
  return last;
}

/** The newest version saved at or before `at` (`versions` newest first). */
export function versionBefore(versions: readonly Version[], at: number): Version | null {
  return versions.find((v) => v.createdAt <= at) ?? null;
}
