import { describe, expect, it } from 'vitest';
import { countWords } from '../../shared/word-count.js';

describe('word counts', () => {
  it('SPEC 15.7 counts words as Intl.Segmenter reads them, so scripts written without spaces count sensibly', () => {
    expect(countWords('Dhaka libraries put 10,000 rare books online — it’s done.')).toBe(9);
    expect(countWords('ঢাকার গ্রন্থাগারগুলো ১০,০০০ দুর্লভ বই অনলাইনে তুলল')).toBe(7);
    // A whitespace split counts each of these as one word.
    expect(countWords('我们希望每个学生都能读这些书。')).toBeGreaterThanOrEqual(8);
    expect(countWords('私たちはすべての学生にこれらの本を読んでほしい。')).toBeGreaterThanOrEqual(10);
    expect(countWords('เราต้องการให้นักเรียนทุกคนอ่านหนังสือเหล่านี้')).toBeGreaterThanOrEqual(8);
    // Punctuation, spaces and marks alone are no words.
    expect(countWords(' — … “” ।  ')).toBe(0);
    expect(countWords('')).toBe(0);
  });
});
