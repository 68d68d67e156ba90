import { describe, expect, it } from 'vitest';
import { check, flagged } from './helpers.js';

const numbers = (target: string, source: string, sourceLang = 'en', targetLang = 'bn') =>
  check('numbers', target, source, { sourceLang, targetLang });

describe('QA numbers', () => {
  it('SPEC 14.2 accepts Bengali digits equal to Latin ones, whatever the grouping', () => {
    expect(numbers('১০,০০০ দুর্লভ বই, ১২টি বিশ্ববিদ্যালয়', '10,000 rare books, 12 universities')).toEqual([]);
    expect(numbers('১,০০,০০০ পৃষ্ঠা', '100,000 pages')).toEqual([]);
    expect(numbers('১০ ০০০ টাকা, ৩.৫ কোটি', '10,000 taka, 3.5 crore')).toEqual([]);
    expect(numbers('২০২৪ সালের ১২ মার্চ', 'On 12 March 2024')).toEqual([]);
    expect(numbers('10 000 livres, 3,5 %', '10,000 books, 3.5%', 'en', 'fr')).toEqual([]);
  });

  it('SPEC 14.2 flags a number missing from the translation as an error', () => {
    const issues = numbers('দুর্লভ বই অনলাইনে', '10,000 rare books online');
    expect(issues).toMatchObject([
      { severity: 'error', message: 'Number 10,000 in the source is missing from the translation' },
    ]);
    expect(issues[0].start).toBeUndefined();
  });

  it('SPEC 14.2 flags a changed number at the number in the translation', () => {
    const target = 'প্রথম সপ্তাহে ২,০০০ জন পাঠক এসেছেন।';
    const issues = numbers(target, 'In the first week, 2,500 readers came.');
    expect(issues).toMatchObject([{ severity: 'error', message: 'Number 2,500 in the source is ২,০০০ in the translation' }]);
    expect(flagged(issues[0], target)).toBe('২,০০০');
  });

  it('SPEC 14.2 flags a number that is not in the source', () => {
    const target = 'The 12 volunteers scanned 300 pages.';
    const issues = numbers(target, 'The volunteers scanned 300 pages.', 'bn', 'en');
    expect(issues).toMatchObject([{ severity: 'error', message: 'Number 12 is not in the source' }]);
    expect(flagged(issues[0], target)).toBe('12');
  });

  it('SPEC 14.2 matches numbers by value, not by position, and names the one missing', () => {
    expect(numbers('১২ থেকে ৮ ঘণ্টা, ৩ সপ্তাহ', 'for 3 weeks, from 8 to 12 hours')).toEqual([]);
    expect(numbers('১২ থেকে ১৮ ঘণ্টা', 'from 8 to 12 hours')).toMatchObject([{ message: 'Number 8 in the source is ১৮ in the translation' }]);
    expect(numbers('১২ ঘণ্টা', 'from 8 to 12 hours')).toMatchObject([{ message: 'Number 8 in the source is missing from the translation' }]);
  });

  it('SPEC 14.2 reads a percent or currency sign beside a number as the same number', () => {
    expect(numbers('৭৩ শতাংশ, ১২%, ১০৫ ডলার, ৳৫,০০০, ₹১০,০০,০০০', '73 percent, 12 per cent, $105, Tk 5,000, Rs 1,000,000')).toEqual([]);
  });

  it('SPEC 14.2 counts repeated numbers', () => {
    expect(numbers('৫ জন এবং আরও ৫ জন', '5 and another 5')).toEqual([]);
    expect(numbers('৫ জন এবং আরও কয়েকজন', '5 and another 5')).toHaveLength(1);
  });

  it('SPEC 14.11 counts a number in words in the translation as that number', () => {
    expect(numbers('গত চব্বিশ ঘণ্টায়', 'in the last 24 hours')).toEqual([]);
    expect(numbers('দুইজন সাংবাদিক, দুজন আলোকচিত্রী আর তিনটি ক্যামেরা', '2 reporters, 2 photographers and 3 cameras')).toEqual([]);
    expect(numbers('পাঁচই মার্চ, একুশে ফেব্রুয়ারি', '5 March, 21 February')).toEqual([]);
    expect(numbers('ঊনত্রিশ আর উনত্রিশ, একশো', '29 and 29, 100')).toEqual([]);
    // য় written as one character or as য + nukta.
    expect(numbers('\u099B\u09DFজন আর \u099B\u09AF\u09BCটি', '6 people and 6 things')).toEqual([]);
    expect(numbers('in the last twenty-four hours', 'গত ২৪ ঘণ্টায়', 'bn', 'en')).toEqual([]);
    expect(numbers('Twenty four hours, a hundred days, one hundred years', '২৪ ঘণ্টা, ১০০ দিন, ১০০ বছর', 'bn', 'en-GB')).toEqual([]);
  });

  it('SPEC 14.11 counts ordinals, times and numbers to 999,999 in words, either way, as the digits beside them', () => {
    expect(numbers('তহবিল নয় লক্ষ নিরানব্বই হাজার নয়শো নিরানব্বই টাকা', 'The fund holds 999,999 taka')).toEqual([]);
    expect(numbers('The fund holds nine hundred and ninety-nine thousand, nine hundred and ninety-nine taka', 'তহবিল ৯,৯৯,৯৯৯ টাকা', 'bn', 'en')).toEqual([]);
    expect(numbers('তৃতীয়বারের মতো শততম দিনে', 'for the 3rd time on the 100th day')).toEqual([]);
    expect(numbers('the hundredth day, the one hundred and first', '১০০তম দিন, ১০১তম', 'bn', 'en')).toEqual([]);
    expect(numbers('তিনবার গ্রেপ্তার, দামে তিনগুণ', 'arrested 3 times, 3 times the price')).toEqual([]);
    expect(numbers('He was arrested 2 times', 'তিনি দুবার গ্রেপ্তার হন', 'bn', 'en')).toEqual([]);
    expect(numbers('তৃতীয়বারের মতো', 'for the 4th time')).toMatchObject([{ message: 'Number 4 in the source is তৃতীয়বারের in the translation' }]);
  });

  it('SPEC 14.11 reads a clock time as its hours, and a year as also its last two digits', () => {
    expect(numbers('বিকেল সাড়ে ৫টায়, সকাল সোয়া দশটায়, রাত পৌনে ছটায়', 'at 5:30 pm, 10:15 am and 5:45 pm')).toEqual([]);
    expect(numbers('৫টা ৩০ মিনিটে', 'at 5:30')).toEqual([]);
    // Written with a full stop before am or pm; a decimal stays one.
    expect(numbers('বিকেল সাড়ে ৫টায়, সকাল ১০টা ১৫ মিনিটে', 'at 5.30pm and 10.15 a.m.')).toEqual([]);
    expect(numbers('৫.৩ শতাংশ', 'rose 5.30 percent')).toEqual([]);
    expect(numbers('at 5:30 pm', 'বিকেল সাড়ে পাঁচটায়', 'bn', 'en')).toEqual([]);
    expect(numbers('বিকেল সাড়ে ছটায়', 'at 5:30 pm')).toMatchObject([
      { message: 'Number 30 in the source is missing from the translation' },
      { message: 'Number 5 in the source is সাড়ে ছটায় in the translation' },
    ]);
    // ছ is six before a classifier only.
    expect(numbers('ছটা বই, ছজন লেখক', '6 books by 6 writers')).toEqual([]);
    expect(numbers('একাত্তরের যুদ্ধে, চব্বিশের আন্দোলনে', 'in the 1971 war, in the 2024 uprising')).toEqual([]);
    expect(numbers('বাহাত্তরের যুদ্ধে', 'in the 1971 war')).toMatchObject([{ message: 'Number 1971 in the source is বাহাত্তরের in the translation' }]);
  });

  it('SPEC 14.11 counts a number in words in the source as that number', () => {
    expect(numbers('২ জন', 'two people')).toEqual([]);
    expect(numbers('২৪ ঘণ্টা', 'Twenty-four hours')).toEqual([]);
    expect(numbers('2 reporters', 'দুইজন সাংবাদিক', 'bn', 'en')).toEqual([]);
  });

  it('SPEC 14.11 flags a number in words with another value as changed, at the word', () => {
    const target = 'গত পঁচিশ ঘণ্টায়';
    const issues = numbers(target, 'in the last 24 hours');
    expect(issues).toMatchObject([{ severity: 'error', message: 'Number 24 in the source is পঁচিশ in the translation' }]);
    expect(flagged(issues[0], target)).toBe('পঁচিশ');
    const english = 'twenty-five hours';
    const [issue] = numbers(english, '২৪ ঘণ্টা', 'bn', 'en');
    expect(issue).toMatchObject({ message: 'Number ২৪ in the source is twenty-five in the translation' });
    expect(flagged(issue, english)).toBe('twenty-five');
    expect(numbers('৩ জন', 'two people')).toMatchObject([{ message: 'Number ৩ is not in the source' }]);
  });

  it('SPEC 14.11 pairs a missing number only with a word the source has no number for, never with one', () => {
    // একটি is "a" here, পাঁচটি is the source's "five": 24 is missing, not changed.
    expect(numbers('একটি হরতাল', 'A 24-hour strike')).toMatchObject([
      { message: 'Number 24 in the source is missing from the translation' },
    ]);
    expect(numbers('পাঁচটি দল খেলেছে', 'Five teams played 24 games')).toMatchObject([
      { message: 'Number 24 in the source is missing from the translation' },
    ]);
  });

  it('SPEC 14.11 never flags a number in words by itself', () => {
    expect(numbers('তিনি একটি বই লিখেছেন, নয়জন পড়েছেন, চব্বিশ ঘণ্টায়', 'She wrote a book that people read in a day')).toEqual([]);
    expect(numbers('The one who came, twenty years on', 'যিনি এসেছিলেন', 'bn', 'en')).toEqual([]);
    expect(numbers('সারা দিন', 'twenty-four hours')).toEqual([]);
  });

  it('SPEC 14.11 reads a number word whole, with a classifier or case ending only', () => {
    // তিনি (he), আটকে (stuck), দশক (decade), often: not 3, 8, 10.
    expect(numbers('তিনি আটকে ছিলেন এক দশক', '3 of them were stuck for 8 of 10 years')).toHaveLength(3);
    expect(numbers('often', '১০', 'bn', 'en')).toHaveLength(1);
    expect(numbers('সবাই একই', 'All 1')).toHaveLength(1);
  });

  it('SPEC 14.11 reads নয় as nine before what it counts, not as "is not" ending a clause', () => {
    expect(numbers('নয় বছর পরে নয়জন ফিরেছেন', 'After 9 years, 9 came back')).toEqual([]);
    expect(numbers('দাবিটি সত্য নয়।', 'The claim about 9 deaths is false.')).toMatchObject([
      { message: 'Number 9 in the source is missing from the translation' },
    ]);
    expect(numbers('শুধু তাই নয়, তারা ফিরেছেন', 'Not only that: 9 came back')).toHaveLength(1);
  });

  it('SPEC 14.2 needs a source', () => {
    expect(check('numbers', '১০,০০০ দুর্লভ বই')).toEqual([]);
  });
});
