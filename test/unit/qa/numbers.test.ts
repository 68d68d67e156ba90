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

  it('SPEC 14.2 counts repeated numbers', () => {
    expect(numbers('৫ জন এবং আরও ৫ জন', '5 and another 5')).toEqual([]);
    expect(numbers('৫ জন এবং আরও কয়েকজন', '5 and another 5')).toHaveLength(1);
  });

  it('SPEC 14.2 needs a source', () => {
    expect(check('numbers', '১০,০০০ দুর্লভ বই')).toEqual([]);
  });
});
