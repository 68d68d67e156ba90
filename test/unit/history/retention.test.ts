import { describe, expect, it } from 'vitest';
import { versionsToThin } from '../../../server/history/retention.js';
import type { VersionRecord } from '../../../server/storage/versions.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const retention = { keepAllMs: DAY, keepHourlyMs: 7 * DAY };

function version(id: string, createdAt: number, auto = true): VersionRecord {
  return { id, docId: 'doc', name: auto ? 'Automatic' : id, auto, author: null, createdAt };
}

describe('retention', () => {
  it('SPEC 16.8 automatic versions: all of the last day, then the newest of each hour for a week, then of each day; named ones always', () => {
    const versions = [
      version('recent-1', NOW - 10 * 60_000),
      version('recent-2', NOW - 11 * 60_000),
      version('recent-3', NOW - 23 * HOUR),
      // Two days ago, in one clock hour: the newer stays.
      version('hour-new', NOW - 2 * DAY - 10 * 60_000),
      version('hour-old', NOW - 2 * DAY - 20 * 60_000),
      version('next-hour', NOW - 2 * DAY - 70 * 60_000),
      // Ten days ago, in one day: the newest stays; a named version that day stays too.
      version('day-new', NOW - 10 * DAY - HOUR),
      version('day-old', NOW - 10 * DAY - 2 * HOUR),
      version('Final', NOW - 10 * DAY - 3 * HOUR, false),
      version('Draft', NOW - 30 * DAY, false),
    ];
    expect(versionsToThin(versions, NOW, retention).sort()).toEqual(['day-old', 'hour-old']);
    // Thinning again thins nothing more.
    const left = versions.filter((v) => !['day-old', 'hour-old'].includes(v.id));
    expect(versionsToThin(left, NOW, retention)).toEqual([]);
  });

  it('SPEC 16.8 with nothing kept whole, the version saved this very millisecond counts in its day like any other', () => {
    const versions = [version('now', NOW), version('earlier', NOW - HOUR)];
    expect(versionsToThin(versions, NOW, { keepAllMs: 0, keepHourlyMs: 0 })).toEqual(['earlier']);
  });
});
