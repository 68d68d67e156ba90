// Repetition groups (SPEC 18.20): segments whose sources are equal as the memory normalises them.
import { describe, expect, it } from 'vitest';
import { repetitionGroups } from '../../../shared/review/repetitions.js';

describe('repetition groups', () => {
  it('SPEC 18.20 groups segments by their normalised source, in order; sources of their own and missing ones stay out', () => {
    const sources = new Map([
      ['a', 'The White House said.'],
      ['b', 'Floods in the north.'],
      ['c', '  the white  house SAID. '],
      ['d', ''],
      ['e', 'The White House said'],
      ['f', 'বন্যায় ১২ জন নিহত।'],
      ['g', 'বন্যায় 12 জন নিহত।'],
      ['h', ''],
    ]);
    const groups = repetitionGroups(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'], (id) => sources.get(id));
    expect([...groups.keys()]).toEqual(['a', 'c', 'f', 'g']);
    expect(groups.get('a')).toEqual(['a', 'c']);
    expect(groups.get('c')).toBe(groups.get('a'));
    // Bengali digits are Latin ones; punctuation still counts.
    expect(groups.get('g')).toEqual(['f', 'g']);
    expect(groups.has('e')).toBe(false);
  });
});
