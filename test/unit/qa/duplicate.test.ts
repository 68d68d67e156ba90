import { describe, expect, it } from 'vitest';
import { flagged, qa, segments } from './helpers.js';

const duplicates = (...pairs: Array<[string, (string | null)?]>) => qa(segments(...pairs)).filter((i) => i.check === 'duplicate');

describe('QA duplicate', () => {
  it('SPEC 14.6 flags the later copies of a segment, not the first', () => {
    const title = 'সেলসফোর্স কর্মীরা খোলা চিঠি পাঠান';
    const issues = duplicates([title], [`${title} `], ['অন্য অনুচ্ছেদ।'], [title]);
    expect(issues.map((i) => [i.index, i.severity, i.message])).toEqual([
      [1, 'warning', 'Same text as segment 1'],
      [3, 'warning', 'Same text as segment 1'],
    ]);
    expect(flagged(issues[0], `${title} `)).toBe(title);
  });

  it('SPEC 14.6 works on English too, and ignores segments without words', () => {
    expect(duplicates(['Leave a Reply'], ['Leave a Reply'])).toHaveLength(1);
    expect(duplicates(['* * *'], ['* * *'])).toEqual([]);
  });

  it('SPEC 14.6 accepts a repeat the source has too', () => {
    expect(duplicates(['আরও পড়ুন', 'Read more'], ['আরও পড়ুন', 'Read more'])).toEqual([]);
    expect(duplicates(['আরও পড়ুন', 'Read more'], ['আরও পড়ুন', 'See also'])).toHaveLength(1);
  });
});
