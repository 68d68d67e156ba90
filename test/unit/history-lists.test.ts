// The History panel's lists, as pure functions: versions grouped, comparisons folded, and the
// version "since I last reviewed" picks. (SPEC 16.10, 16.11, 16.13, 16.16)
import { describe, expect, it } from 'vitest';
import { draftOf, versionItems } from '../../client/history/version-groups.js';
import { compareItems } from '../../client/history/compare-items.js';
import { lastReview, versionOfReview } from '../../client/history/since-review.js';
import type { Version } from '../../client/history/history-api.js';

const at = (day: number, hour: number) => Date.UTC(2026, 11, day, hour);
const v = (id: string, name: string, createdAt: number, auto = name === 'Automatic' || name.startsWith('Before'), author: string | null = null): Version => ({ id, name, createdAt, auto, author });

describe('History panel lists', () => {
  it('SPEC 16.10 named versions stand alone; automatic ones between them are gathered by day', () => {
    const versions = [
      v('a5', 'Automatic', at(7, 12) + 40),
      v('a4', 'Automatic', at(7, 12) + 30),
      v('n2', 'Final', at(7, 12) + 20, false, 'Omar'),
      v('b1', 'Before restoring Draft', at(7, 12) + 10, true, 'Omar'),
      v('a3', 'Automatic', at(7, 12)),
      v('a2', 'Automatic', at(5, 12) + 10),
      v('a1', 'Automatic', at(5, 12)),
      v('d', 'Draft', at(3, 12), false),
    ];
    const items = versionItems(versions);
    expect(items.map((i) => (i.kind === 'version' ? i.version.id : i.versions.map((x) => x.id).join('+')))).toEqual(['a5+a4', 'n2', 'b1', 'a3', 'a2+a1', 'd']);
    expect(draftOf(versions)?.id).toBe('d');
    expect(draftOf(versions.slice(0, 3))?.id).toBe('n2'); // the draft deleted: the oldest
    expect(draftOf([])).toBeNull();
  });

  it('SPEC 16.11 unchanged segments between changed ones fold into one item', () => {
    const s = (id: string, changed: boolean) => ({ id, index: 0, changed, ops: [] });
    const items = compareItems([s('1', false), s('2', false), s('3', true), s('4', true), s('5', false)]);
    expect(items.map((i) => (i.kind === 'changed' ? i.segment.id : `(${i.segments.length})`))).toEqual(['(2)', '3', '4', '(1)']);
  });

  it('SPEC 16.16 since I last reviewed: the version recorded for my latest mark, standing or not; else the newest saved before it', () => {
    const reviewedIn = [
      { versionId: 'r1', by: 'Rina', at: at(7, 10) },
      { versionId: 'r2', by: 'Rina', at: at(7, 12) },
      { versionId: 'o1', by: 'Omar', at: at(7, 14) },
    ];
    // Rina's marks were sent back to Translated by edits since: the records stay.
    const statuses = new Map([['s1', { state: 'translated' as const, by: 'Omar', at: at(7, 15) }]]);
    const versions = [v('x', 'Automatic', at(7, 13)), v('r2', 'Reviewed', at(7, 12), true), v('y', 'Sent to review', at(7, 11), false, 'Omar'), v('d', 'Draft', at(7, 8), false)];
    const mark = lastReview(reviewedIn, statuses, 'Rina');
    expect(mark?.versionId).toBe('r2');
    expect(versionOfReview(versions, mark!)).toEqual({ version: versions[1], exact: true });
    expect(lastReview(reviewedIn, statuses, 'Vera')).toBeNull();
    // The recorded version thinned since: the newest saved at or before the mark.
    expect(versionOfReview(versions.filter((x) => x.id !== 'r2'), mark!)).toEqual({ version: versions[2], exact: false });
  });

  it('SPEC 16.13 a mark without a record: the newest version saved before my latest standing Reviewed or Approved mark', () => {
    const statuses = new Map([
      ['s1', { state: 'reviewed' as const, by: 'Rina', at: at(7, 10) }],
      ['s2', { state: 'approved' as const, by: 'Rina', at: at(7, 12) }],
      ['s3', { state: 'reviewed' as const, by: 'Omar', at: at(7, 14) }],
      ['s4', { state: 'translated' as const, by: 'Rina', at: at(7, 15) }],
    ]);
    const mark = lastReview([], statuses, 'Rina');
    expect(mark?.at).toBe(at(7, 12));
    expect(lastReview([], statuses, 'Vera')).toBeNull();
    const versions = [v('x', 'Automatic', at(7, 13)), v('y', 'Sent to review', at(7, 11), false, 'Omar'), v('d', 'Draft', at(7, 8), false)];
    expect(versionOfReview(versions, mark!)?.version.id).toBe('y');
    expect(versionOfReview(versions, { by: 'Rina', at: at(7, 7) })).toBeNull();
  });
});
