import { describe, expect, it } from 'vitest';
import { findHits, normalise } from '../../../server/memory/normalize.js';
import { similarity } from '../../../server/memory/score.js';

const score = (a: string, b: string) => similarity(normalise(a), normalise(b));

describe('translation memory scores', () => {
  it('SPEC 18.2 normalises NFC, case, Bengali digits, zero-width joiners and whitespace', () => {
    expect(normalise('  The   WHITE House\u00a0said ১২৩ ')).toBe('the white house said 123');
    // য় as one code point and as য + nukta are the same letter.
    expect(normalise('\u09df')).toBe(normalise('\u09af\u09bc'));
    expect(normalise('র\u200dয')).toBe('রয');
  });

  it('SPEC 18.3 identical scores 100; one number changed is never 100', () => {
    expect(score('Police arrested 12 people.', 'police arrested ১২ people.')).toBe(100);
    expect(score('Police arrested 12 people.', 'Police arrested 13 people.')).toBeLessThan(100);
    expect(score('Police arrested 12 people.', 'Police arrested 13 people.')).toBeGreaterThanOrEqual(80);
    expect(score('পুলিশ ১২ জনকে গ্রেপ্তার করেছে।', 'পুলিশ ১৩ জনকে গ্রেপ্তার করেছে।')).toBeLessThan(100);
  });

  it('SPEC 18.3 a near sentence scores high, the same words in another order and another sentence do not', () => {
    const near = score('The White House said in a statement on Monday.', 'The White House said in a statement on Tuesday.');
    expect(near).toBeGreaterThanOrEqual(80);
    const bnNear = score('হোয়াইট হাউস সোমবার এক বিবৃতিতে বলেছে।', 'হোয়াইট হাউস মঙ্গলবার এক বিবৃতিতে বলেছে।');
    expect(bnNear).toBeGreaterThanOrEqual(75);
    const reordered = score('On Monday the minister met the prime minister in Dhaka.', 'The prime minister met the minister in Dhaka on Monday.');
    expect(reordered).toBeLessThan(70);
    const bnReordered = score('মন্ত্রী সোমবার ঢাকায় প্রধানমন্ত্রীর সঙ্গে দেখা করেন।', 'ঢাকায় প্রধানমন্ত্রীর সঙ্গে সোমবার মন্ত্রী দেখা করেন।');
    expect(bnReordered).toBeLessThan(70);
    expect(score('The White House said in a statement.', 'Floods hit the north of the country.')).toBeLessThan(50);
  });

  it('SPEC 18.6 hits start at a word start and end on a grapheme boundary, in the original text', () => {
    const text = 'মার্ক বেনিওফের মতে';
    const [hit] = findHits(text, 'বেনিওফ');
    expect(text.slice(hit.start, hit.end)).toBe('বেনিওফে');
    expect(findHits('Salesforce  CEO', 'salesforce ceo')).toEqual([{ start: 0, end: 15 }]);
    expect(findHits('unbenioff', 'benioff')).toEqual([]);
  });
});
