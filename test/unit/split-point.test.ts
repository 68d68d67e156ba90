// Where the split dialog offers to split a segment's source (SPEC 15.10).
import { describe, expect, it } from 'vitest';
import { matchingPoint, splitPoints } from '../../client/review/split-point.js';

const SOURCE = 'Sorry, we got 10 books. They came late. Really.';
const TARGET = 'দুঃখিত, আমরা ১০টি বই পেয়েছি। বইগুলো দেরিতে এল। সত্যি।';
const at = (word: string) => TARGET.indexOf(word);

describe('the source split point', () => {
  it('SPEC 15.10 the points are word starts, never the first word nor inside a word', () => {
    expect(splitPoints(SOURCE, 'en').map((p) => SOURCE.slice(p).split(' ')[0])).toEqual(['we', 'got', '10', 'books.', 'They', 'came', 'late.', 'Really.']);
    expect(splitPoints('Word', 'en')).toEqual([]);
    expect(splitPoints('আমরা ১০টি বই', 'bn')).toEqual([5, 10]);
  });

  it('SPEC 15.10 offered at the sentence boundary matching the translation’s (the danda ends a sentence), else at the same share of the text', () => {
    expect(SOURCE.slice(matchingPoint(SOURCE, 'en', TARGET, 'bn', at('বইগুলো'))!)).toBe('They came late. Really.');
    expect(SOURCE.slice(matchingPoint(SOURCE, 'en', TARGET, 'bn', at('সত্যি'))!)).toBe('Really.');
    // Inside the first sentence: the word start nearest the same share of the source.
    expect(SOURCE.slice(matchingPoint(SOURCE, 'en', TARGET, 'bn', at('আমরা'))!)).toBe('we got 10 books. They came late. Really.');
    // More sentences in the translation than in the source: by share too.
    expect(matchingPoint('One long sentence here', 'en', 'এক। দুই। তিন।', 'bn', 'এক। দুই। '.length)).toBe('One long sentence '.length);
    expect(matchingPoint('Word', 'en', TARGET, 'bn', at('বইগুলো'))).toBeNull();
  });
});
