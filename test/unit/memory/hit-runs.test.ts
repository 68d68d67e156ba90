// The concordance's marking of hits in a unit's text (SPEC 18.12), as the Memory panel draws it.
import { describe, expect, it } from 'vitest';
import { hitRuns } from '../../../client/memory/hit-runs.js';

describe('concordance hit marks', () => {
  it('SPEC 18.12 marks a Bengali name under its case ending and leaves the rest of the text as it is', () => {
    const text = 'বেনিওফের মতে প্রতিষ্ঠানটি বড় হবে।';
    expect(hitRuns(text, [{ start: 0, end: 'বেনিওফে'.length }])).toEqual([
      { text: 'বেনিওফে', hit: true },
      { text: 'র মতে প্রতিষ্ঠানটি বড় হবে।', hit: false },
    ]);
  });

  it('SPEC 18.12 marks several hits in order, joins touching or overlapping ones, and clips hits past the text', () => {
    const text = 'Benioff met Benioff';
    expect(hitRuns(text, [{ start: 12, end: 19 }, { start: 0, end: 7 }])).toEqual([
      { text: 'Benioff', hit: true },
      { text: ' met ', hit: false },
      { text: 'Benioff', hit: true },
    ]);
    expect(hitRuns('abcdef', [{ start: 0, end: 3 }, { start: 2, end: 4 }, { start: 4, end: 5 }, { start: 5, end: 99 }])).toEqual([{ text: 'abcdef', hit: true }]);
    expect(hitRuns('abc', [{ start: 7, end: 9 }])).toEqual([{ text: 'abc', hit: false }]);
    expect(hitRuns('', [])).toEqual([]);
  });
});
