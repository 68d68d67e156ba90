import { describe, expect, it } from 'vitest';
import { alignmentOf, byPosition, joinWithNext, samePairs, shownBecause, splitBefore } from '../../client/home/alignment-edit.js';
import { checkAlignment } from '../../shared/import/pairing.js';

const proposal = [
  { source: [0], target: [0], confidence: 0.99 },
  { source: [1, 2], target: [1], confidence: 0.6 },
  { source: [3], target: [2, 3], confidence: 0.9 },
  { source: [], target: [4], confidence: 1 },
];

describe('the New-article dialog\'s alignment edits', () => {
  it('SPEC 10.29 an XLIFF file\'s proposal is shown only when it pairs the blocks otherwise than the file\'s units', () => {
    const units = [{ source: [0], target: [0] }, { source: [1], target: [1] }, { source: [2], target: [] }, { source: [3], target: [2, 3] }, { source: [], target: [4] }];
    expect(samePairs(proposal, units)).toBe(false);
    expect(samePairs(joinWithNext(units, 1), alignmentOf(proposal))).toBe(true);
    expect(samePairs(proposal, alignmentOf(proposal))).toBe(true);
    expect(samePairs(proposal.slice(1), proposal)).toBe(false);
  });

  it('SPEC 10.29 a proposal is shown when the counts differ, or when equal counts pair otherwise than by position, never when they pair in order', () => {
    const texts = (n: number) => Array.from({ length: n }, (_, k) => `block ${k}`);
    // Different counts.
    expect(shownBecause({ source: texts(4), target: texts(5), pairs: proposal })).toBe('counts');
    // Equal counts, one paragraph dropped and another added: shifted.
    const shifted = [{ source: [0], target: [0] }, { source: [1], target: [] }, { source: [2], target: [1] }, { source: [], target: [2] }];
    expect(shownBecause({ source: texts(3), target: texts(3), pairs: shifted })).toBe('shifted');
    // Equal counts, two merged and one split: also shifted.
    expect(shownBecause({ source: texts(3), target: texts(3), pairs: [{ source: [0, 1], target: [0] }, { source: [2], target: [1, 2] }] })).toBe('shifted');
    // Equal counts paired in order, confidences aside: nothing to show.
    expect(shownBecause({ source: texts(3), target: texts(3), pairs: byPosition(3).map((pair) => ({ ...pair, confidence: 0.5 })) })).toBe(null);
    expect(byPosition(2)).toEqual([{ source: [0], target: [0] }, { source: [1], target: [1] }]);
    // An XLIFF file: its units decide, whatever the counts.
    expect(shownBecause({ source: texts(4), target: texts(5), pairs: proposal, units: alignmentOf(proposal) })).toBe(null);
    expect(shownBecause({ source: texts(3), target: texts(3), pairs: shifted, units: byPosition(3) })).toBe('units');
  });

  it('SPEC 10.29 joining a pair with the next makes one pair of both, without a confidence', () => {
    expect(joinWithNext(proposal, 1)).toEqual([proposal[0], { source: [1, 2, 3], target: [1, 2, 3] }, proposal[3]]);
    expect(joinWithNext(proposal, 3)).toEqual(proposal);
  });

  it('SPEC 10.29 splitting before a paragraph starts a new pair there, the other side staying in the first', () => {
    expect(splitBefore(proposal, 1, 'source', 1)).toEqual([proposal[0], { source: [1], target: [1] }, { source: [2], target: [] }, ...proposal.slice(2)]);
    expect(splitBefore(proposal, 2, 'target', 1)).toEqual([...proposal.slice(0, 2), { source: [3], target: [2] }, { source: [], target: [3] }, proposal[3]]);
    // Before a pair's first paragraph there is nothing to split.
    expect(splitBefore(proposal, 0, 'source', 0)).toEqual(proposal);
  });

  it('SPEC 10.29 SPEC 6.6 joins and splits reach any alignment and always give one the server takes', () => {
    // From the proposal to every block on its own, and back to one pair of everything.
    let pairs = proposal.map(({ source, target }) => ({ source, target }));
    pairs = splitBefore(pairs, 1, 'source', 1);
    pairs = splitBefore(pairs, 3, 'target', 1);
    expect(alignmentOf(pairs)).toEqual([
      { source: [0], target: [0] },
      { source: [1], target: [1] },
      { source: [2], target: [] },
      { source: [3], target: [2] },
      { source: [], target: [3] },
      { source: [], target: [4] },
    ]);
    expect(() => checkAlignment(pairs, 4, 5)).not.toThrow();
    while (pairs.length > 1) {
      pairs = joinWithNext(pairs, 0);
      expect(() => checkAlignment(pairs, 4, 5)).not.toThrow();
    }
    expect(pairs).toEqual([{ source: [0, 1, 2, 3], target: [0, 1, 2, 3, 4] }]);
  });
});
