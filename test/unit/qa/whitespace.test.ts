import { describe, expect, it } from 'vitest';
import { check, flagged } from './helpers.js';

const described = (target: string) => check('whitespace', target).map((i) => [i.severity, i.message, flagged(i, target)]);

describe('QA whitespace', () => {
  it('SPEC 14.7 flags doubled, leading and trailing spaces as info', () => {
    expect(described(' স্ক্যান  করতে সাহায্য করেছেন। ')).toEqual([
      ['info', 'Space at the start', ' '],
      ['info', 'Double space', '  '],
      ['info', 'Space at the end', ' '],
    ]);
    expect(described('Leave  a\u00A0\u00A0Reply')).toEqual([
      ['info', 'Double space', '  '],
      ['info', 'Double space', '\u00A0\u00A0'],
    ]);
  });

  it('SPEC 14.7 treats each line of a segment alike', () => {
    expect(described('প্রথম লাইন \n দ্বিতীয় লাইন')).toEqual([
      ['info', 'Space at the end', ' '],
      ['info', 'Space at the start', ' '],
    ]);
  });

  it('SPEC 14.7 accepts single spaces', () => {
    expect(described('WIRED-এর দক্ষিণ এশিয়া নিউজলেটার।\nদ্বিতীয় লাইন।')).toEqual([]);
  });
});
