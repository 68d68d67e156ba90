import { describe, expect, it } from 'vitest';
import { check, flagged } from './helpers.js';

const punctuation = (target: string, source: string | null = null) => check('punctuation', target, source);
const described = (target: string, source: string | null = null) =>
  punctuation(target, source).map((i) => [i.severity, i.message, flagged(i, target)]);

describe('QA punctuation', () => {
  it('SPEC 14.5 accepts balanced and nested marks, and apostrophes', () => {
    expect(punctuation('“তিনি বললেন, ‘না’, তারপর চলে গেলেন (আজ সকালে [স্থানীয় সময়])।”')).toEqual([]);
    expect(punctuation('“He said ‘no’ to WIRED’s editors,” she said; the employees’ letter stands.')).toEqual([]);
    expect(punctuation('“মিনিয়াপলিসে সাম্প্রতিক হত্যাকাণ্ড”কে অনুঘটক হিসাবে উল্লেখ করেছে।')).toEqual([]);
    expect(punctuation('«Bonjour», dit-il. „Guten Tag“, sagte er.')).toEqual([]);
  });

  it('SPEC 14.5 flags an unclosed or unopened mark as an error', () => {
    expect(described('“অনেক মানুষ রাগান্বিত।')).toEqual([['error', '“ is not closed', '“']]);
    expect(described('অনেক মানুষ রাগান্বিত।”')).toEqual([['error', '” has no opening mark', '”']]);
    expect(described('তিনি (সিইও বলেছেন।')).toEqual([['error', '( is not closed', '(']]);
  });

  it('SPEC 14.5 flags an opening quote closed by the wrong mark', () => {
    const target = '“এজেন্টফোর্স’ অবকাঠামো প্রদান করা একটি মৌলিক বিশ্বাসঘাতকতা উপস্থাপন করে।”';
    expect(described(target)).toEqual([['error', '“ is closed by ’', '“এজেন্টফোর্স’']]);
    expect(described('(see below]')).toEqual([['error', '( is closed by ]', '(see below]']]);
    expect(described('‘quoted”')).toEqual([['error', '‘ is closed by ”', '‘quoted”']]);
  });

  it('SPEC 14.5 leaves a quote open when the source does too (it runs on into the next paragraph)', () => {
    expect(punctuation('“প্রথম অনুচ্ছেদ।', '“First paragraph.')).toEqual([]);
  });

  it('SPEC 14.5 flags a missing sentence end where the source has one; the danda is a full stop', () => {
    const target = 'স্বেচ্ছাসেবকেরা সাহায্য করেছেন';
    expect(described(target, 'Volunteers helped.')).toEqual([
      ['warning', 'Missing sentence end (the source has one)', 'ন'],
    ]);
    expect(punctuation('স্বেচ্ছাসেবকেরা সাহায্য করেছেন।', 'Volunteers helped.')).toEqual([]);
    expect(punctuation('“অনেক মানুষ রাগান্বিত।”', '“Many people are angry.”')).toEqual([]);
    expect(punctuation('তিনি কি এসেছেন?', 'Did he come?')).toEqual([]);
    expect(punctuation('সেলসফোর্স কর্মীরা খোলা চিঠি পাঠান', 'Salesforce workers send an open letter')).toEqual([]);
    expect(punctuation('সেলসফোর্স কর্মীরা খোলা চিঠি পাঠান')).toEqual([]);
  });

  it('SPEC 14.5 points a missing sentence end at a whole grapheme', () => {
    expect(described('এটি পরীক্ষা', 'It is a test.')).toEqual([['warning', 'Missing sentence end (the source has one)', 'ক্ষা']]);
  });

  it('SPEC 14.5 flags doubled punctuation but not an ellipsis or an abbreviation', () => {
    expect(described('খরচ প্রায় ৩ কোটি টাকা।।')).toEqual([['warning', 'Doubled punctuation “।।”', '।।']]);
    expect(described('Hello,, world')).toEqual([['warning', 'Doubled punctuation “,,”', ',,']]);
    expect(punctuation('তারপর... সে চলে গেল। Really?! Salesforce Inc., a firm.')).toEqual([]);
  });
});
