// Which automatic versions to let go (SPEC 16.8): all are kept while young, then the newest of each
// hour, then the newest of each day. Named versions are never thinned.
import type { VersionRecord } from '../storage/versions.js';

export interface Retention {
  /** Every automatic version younger than this is kept. */
  keepAllMs: number;
  /** Up to this age, the newest automatic version of each hour is kept; older, the newest of each day. */
  keepHourlyMs: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The ids of the automatic versions to delete. */
export function versionsToThin(versions: readonly VersionRecord[], now: number, retention: Retention): string[] {
  const kept = new Set<string>();
  const drop: string[] = [];
  for (const version of [...versions].sort((a, b) => b.createdAt - a.createdAt)) {
    if (!version.auto) continue;
    const age = now - version.createdAt;
    // Strictly younger: with both at 0, a version saved this very millisecond falls in its day like the rest.
    if (age < retention.keepAllMs) continue;
    const bucket = age < retention.keepHourlyMs ? `h${Math.floor(version.createdAt / HOUR)}` : `d${Math.floor(version.createdAt / DAY)}`;
    if (kept.has(bucket)) drop.push(version.id);
    else kept.add(bucket);
  }
  return drop;
}
