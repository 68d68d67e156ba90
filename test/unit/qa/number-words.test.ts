import { describe, expect, it } from 'vitest';
import { readNumbers } from '../../../shared/qa/number-phrases.js';

/** "text=value" for each number read, "~" marking one in words only. */
const read = (text: string, lang = 'bn') => readNumbers(text, lang).map((n) => `${n.text}=${n.value}${n.spelled ? '~' : ''}`);

describe('QA numbers in words', () => {
  it('SPEC 14.11 reads each Bengali number 0–99 as a word of its own, with classifiers and case endings', () => {
    expect(read('শূন্য, নয়জন, উনিশ, ঊনত্রিশ, উনত্রিশ, সাতাশি, নিরানব্বই')).toEqual(['শূন্য=0~', 'নয়জন=9~', 'উনিশ=19~', 'ঊনত্রিশ=29~', 'উনত্রিশ=29~', 'সাতাশি=87~', 'নিরানব্বই=99~']);
    expect(read('দুজন, তিনটির, পঁচিশজনের, চব্বিশে, দুইয়ের, পাঁচই')).toEqual(['দুজন=2~', 'তিনটির=3~', 'পঁচিশজনের=25~', 'চব্বিশে=24~', 'দুইয়ের=2~', 'পাঁচই=5~']);
    // তিনি (he), আটকে (stuck), দশক (decade), একই (the same), একবার (once) are other words.
    expect(read('তিনি আটকে ছিলেন এক দশক, একই কথা একবার')).toEqual(['এক=1~']);
  });

  it('SPEC 14.11 joins Bengali hundreds, হাজার, লাখ/লক্ষ and কোটি into one number, up to 999,999 and beyond', () => {
    expect(read('তিনশো, দুশো, একশত, বারোশো, দুই শত, একশো বিশ')).toEqual(['তিনশো=300~', 'দুশো=200~', 'একশত=100~', 'বারোশো=1200~', 'দুই শত=200~', 'একশো বিশ=120~']);
    expect(read('দুই হাজার পাঁচশো বিশ টাকা')).toEqual(['দুই হাজার পাঁচশো বিশ=2520~']);
    expect(read('নয় লাখ নিরানব্বই হাজার নয়শো নিরানব্বই')).toEqual(['নয় লাখ নিরানব্বই হাজার নয়শো নিরানব্বই=999999~']);
    expect(read('এক কোটি বিশ লক্ষ, এক হাজার কোটি')).toEqual(['এক কোটি বিশ লক্ষ=12000000~', 'এক হাজার কোটি=10000000000~']);
    // A scale alone, or doubled, says "many": thousands, lakhs; লক্ষ করা is to notice.
    expect(read('হাজার হাজার মানুষ, লাখ লাখ টাকা, লক্ষ করেছেন, কোটির ঘরে')).toEqual([]);
  });

  it('SPEC 14.11 reads দেড়, আড়াই, সাড়ে, সোয়া and পৌনে', () => {
    expect(read('দেড়, আড়াই, দেড়শো, আড়াইশো, দেড় লাখ, আড়াই হাজারেরও বেশি')).toEqual([
      'দেড়=1.5~', 'আড়াই=2.5~', 'দেড়শো=150~', 'আড়াইশো=250~', 'দেড় লাখ=150000~', 'আড়াই হাজারেরও=2500~',
    ]);
    expect(read('সাড়ে তিন, সাড়ে তিনশো, সাড়ে বারো হাজার, সাড়ে তিন কোটি')).toEqual(['সাড়ে তিন=3.5~', 'সাড়ে তিনশো=350~', 'সাড়ে বারো হাজার=12500~', 'সাড়ে তিন কোটি=35000000~']);
    expect(read('সোয়া পাঁচ, পৌনে দুই')).toEqual(['সোয়া পাঁচ=5.25~', 'পৌনে দুই=1.75~']);
  });

  it('SPEC 14.11 reads Bengali ordinals and days of the month', () => {
    expect(read('প্রথম, দ্বিতীয়, চতুর্থ, একবিংশ, পঞ্চাশতম, পয়লা বৈশাখ, ২১তম')).toEqual(['প্রথম=1~', 'দ্বিতীয়=2~', 'চতুর্থ=4~', 'একবিংশ=21~', 'পঞ্চাশতম=50~', 'পয়লা=1~', '২১=21']);
  });

  it('SPEC 14.11 reads digits with scale words as one number, which is not in words', () => {
    expect(read('৩ কোটি ২০ লাখ, ৪০ লাখ, ১০হাজার, ৯ লাখ ৯৯ হাজার ৯৯৯')).toEqual(['৩ কোটি ২০ লাখ=32000000', '৪০ লাখ=4000000', '১০হাজার=10000', '৯ লাখ ৯৯ হাজার ৯৯৯=999999']);
    expect(read('৫ কোটি ২০২৩ সালে')).toEqual(['৫ কোটি=50000000', '২০২৩=2023']);
    expect(read('3.5 crore, 40 lakh, 1.2 million, $2.5bn, 10 000', 'en')).toEqual(['3.5 crore=35000000', '40 lakh=4000000', '1.2 million=1200000', '2.5bn=2500000000', '10 000=10000']);
  });

  it('SPEC 14.11 reads English cardinals, ordinals, "a" and "half" before a scale, "and a half"', () => {
    expect(read('nine hundred ninety-nine thousand nine hundred ninety-nine', 'en')).toEqual(['nine hundred ninety-nine thousand nine hundred ninety-nine=999999~']);
    expect(read('two thousand five hundred and twenty, one hundred thousand, two million three hundred thousand', 'en')).toEqual([
      'two thousand five hundred and twenty=2520~', 'one hundred thousand=100000~', 'two million three hundred thousand=2300000~',
    ]);
    expect(read('half a million, a thousand, one and a half weeks, two dozen', 'en')).toEqual(['half a million=500000~', 'a thousand=1000~', 'one and a half=1.5~', 'two dozen=24~']);
    expect(read('the twenty-first, the third, Twenty four', 'en')).toEqual(['twenty-first=21~', 'third=3~', 'Twenty four=24~']);
    // "a" and "and" elsewhere, plurals and ranges are no numbers (or separate ones).
    expect(read('a book and hundreds of thousands', 'en')).toEqual([]);
    expect(read('5 and 7, two-three', 'en')).toEqual(['5=5', '7=7', 'two=2~', 'three=3~']);
  });

  it('SPEC 14.11 reads ordinal hundreds and thousands, ordinals after "and", times and -fold', () => {
    expect(read('শততম, সহস্রতম, হাজারতম, একশততম')).toEqual(['শততম=100~', 'সহস্রতম=1000~', 'হাজারতম=1000~', 'একশততম=100~']);
    expect(read('তৃতীয়বারের মতো, প্রথমবার, দুবার, তিনবারই, তিনগুণ, দ্বিগুণেরও')).toEqual([
      'তৃতীয়বারের=3~', 'প্রথমবার=1~', 'দুবার=2~', 'তিনবারই=3~', 'তিনগুণ=3~', 'দ্বিগুণেরও=2~',
    ]);
    // একবার is also "once, just"; এবার "this time", বহুবার "many times".
    expect(read('একবার, এবার, বহুবার')).toEqual([]);
    expect(read('the hundredth, one hundred and first, two thousandth, twice, thrice', 'en')).toEqual([
      'hundredth=100~', 'one hundred and first=101~', 'two thousandth=2000~', 'twice=2~', 'thrice=3~',
    ]);
    expect(read('10k runners, 250K views', 'en')).toEqual(['10k=10000', '250K=250000']);
  });

  it('SPEC 14.11 reads English words past the comma after a thousand into the hundreds, and only there', () => {
    expect(read('nine hundred and ninety-nine thousand, nine hundred and ninety-nine', 'en')).toEqual([
      'nine hundred and ninety-nine thousand, nine hundred and ninety-nine=999999~',
    ]);
    expect(read('two thousand, three were missing; 5 thousand, 3 hundred', 'en')).toEqual(['two thousand=2000~', 'three=3~', '5 thousand=5000', '3 hundred=300']);
  });

  it('SPEC 14.11 reads an English year said in two halves as the year, and also its last two digits', () => {
    const years = (text: string) => readNumbers(text, 'en').map((n) => [n.text, n.value, n.also]);
    expect(years('in nineteen seventy-one, Twenty twenty-four, in twenty ten, seventeen seventy-six and eighteen oh five')).toEqual([
      ['nineteen seventy-one', '1971', '71'], ['Twenty twenty-four', '2024', '24'], ['twenty ten', '2010', '10'], ['seventeen seventy-six', '1776', '76'], ['eighteen oh five', '1805', '5'],
    ]);
    expect(read('two thousand and five, nineteen hundred', 'en')).toEqual(['two thousand and five=2005~', 'nineteen hundred=1900~']);
    // Not a year: tens and units (twenty four), a compound adjective, a longer number, a time, a range.
    expect(read('Twenty four, eighteen twenty-year-olds, nineteen ninety-nine thousand, at eleven thirty, twenty-one twenty', 'en')).toEqual([
      'Twenty four=24~', 'eighteen=18~', 'twenty=20~', 'nineteen=19~', 'ninety-nine thousand=99000~', 'eleven=11~', 'thirty=30~', 'twenty-one=21~', 'twenty=20~',
    ]);
  });

  it('SPEC 14.11 reads a decade as also its last two digits', () => {
    expect(readNumbers('the 1990s and 1990’s, the 2000s', 'en').map((n) => [n.value, n.also])).toEqual([
      ['1990', '90'], ['1990', '90'], ['2000', undefined],
    ]);
  });
});
