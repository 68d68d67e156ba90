import { describe, expect, it } from 'vitest';
import { asciiDigits, decimalMark, digitValue, findNumbers } from '../../../shared/qa/digits.js';

const values = (text: string, lang = 'en') => findNumbers(text, lang).map((n) => n.value);

describe('QA digits', () => {
  it('SPEC 14.2 reads the digits of any script', () => {
    expect(asciiDigits('০১২৩৪৫৬৭৮৯')).toBe('0123456789'); // Bengali
    expect(asciiDigits('०१२३४५६७८९')).toBe('0123456789'); // Devanagari
    expect(asciiDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789 0123456789'); // Arabic, Persian
    expect(asciiDigits('０１２ ๓๔ ௫')).toBe('012 34 5'); // full-width, Thai, Tamil
    expect(digitValue('𝟗')).toBe(9); // mathematical bold, outside the BMP
    expect(digitValue('a')).toBeUndefined();
  });

  it('SPEC 14.2 reads grouping and decimal marks', () => {
    expect(values('10,000 · ১০,০০০ · 10 000 · 10\u202F000 · 1,00,000 · 100,000')).toEqual([
      '10000', '10000', '10000', '10000', '100000', '100000',
    ]);
    expect(values('3.5, ৩.৫০ and 1,234.50')).toEqual(['3.5', '3.5', '1234.5']);
    expect(values('10.000,5 and 3,5', 'de')).toEqual(['10000.5', '3.5']);
    expect(values('1.500', 'de')).toEqual(['1500']);
    expect(values('1.500', 'en')).toEqual(['1.5']);
    expect(values('١٢٬٣٤٥٫٦', 'ar')).toEqual(['12345.6']);
  });

  it('SPEC 14.2 keeps apart numbers that only look joined', () => {
    expect(values('in 2016 100 people')).toEqual(['2016', '100']);
    expect(values('2.5.2024, items 1,2,3 at 10:30')).toEqual(['2', '5', '2024', '1', '2', '3', '10', '30']);
    expect(values('১২টি, ১০,০০০-এর, 404 Media')).toEqual(['12', '10000', '404']);
  });

  it('SPEC 14.2 gives each number its offsets', () => {
    const text = 'প্রায় ৩.৫ কোটি, 1 2 3';
    for (const n of findNumbers(text, 'bn')) expect(text.slice(n.start, n.end)).toBe(n.text);
    expect(findNumbers(text, 'bn').map((n) => n.text)).toEqual(['৩.৫', '1', '2', '3']);
  });

  it('SPEC 14.2 knows each language’s decimal mark', () => {
    expect([decimalMark('en'), decimalMark('bn'), decimalMark('de'), decimalMark('not a tag!')]).toEqual(['.', '.', ',', '.']);
  });
});
