// Numbers 0–100 spelled out in words (twenty-four, চব্বিশ), English and Bengali, for the numbers check.
import type { NumberToken } from './digits.js';
import { textKey, words, type Word } from './text.js';

const ENGLISH_UNITS = (
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen ' +
  'seventeen eighteen nineteen'
).split(' ');
const ENGLISH_TENS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');

// Bengali has a word of its own for each number up to 100; spelling variants after "|".
const BENGALI = [
  'শূন্য', 'এক', 'দুই|দু', 'তিন', 'চার', 'পাঁচ', 'ছয়', 'সাত', 'আট', 'নয়',
  'দশ', 'এগারো|এগার', 'বারো', 'তেরো|তের', 'চোদ্দ|চৌদ্দ|চোদ্দো', 'পনেরো|পনের', 'ষোলো|ষোল', 'সতেরো|সতের', 'আঠারো|আঠার', 'উনিশ',
  'বিশ|কুড়ি', 'একুশ', 'বাইশ', 'তেইশ', 'চব্বিশ', 'পঁচিশ', 'ছাব্বিশ', 'সাতাশ', 'আঠাশ|আটাশ', 'ঊনত্রিশ',
  'ত্রিশ|তিরিশ', 'একত্রিশ', 'বত্রিশ', 'তেত্রিশ', 'চৌত্রিশ', 'পঁয়ত্রিশ', 'ছত্রিশ', 'সাঁইত্রিশ|সাঁয়ত্রিশ', 'আটত্রিশ', 'ঊনচল্লিশ',
  'চল্লিশ', 'একচল্লিশ', 'বিয়াল্লিশ', 'তেতাল্লিশ', 'চুয়াল্লিশ', 'পঁয়তাল্লিশ', 'ছেচল্লিশ', 'সাতচল্লিশ', 'আটচল্লিশ', 'ঊনপঞ্চাশ',
  'পঞ্চাশ', 'একান্ন', 'বাহান্ন|বায়ান্ন', 'তিপ্পান্ন', 'চুয়ান্ন', 'পঞ্চান্ন', 'ছাপ্পান্ন', 'সাতান্ন', 'আটান্ন', 'ঊনষাট',
  'ষাট', 'একষট্টি', 'বাষট্টি', 'তেষট্টি', 'চৌষট্টি', 'পঁয়ষট্টি', 'ছেষট্টি', 'সাতষট্টি', 'আটষট্টি', 'ঊনসত্তর',
  'সত্তর', 'একাত্তর', 'বাহাত্তর', 'তিয়াত্তর', 'চুয়াত্তর', 'পঁচাত্তর', 'ছিয়াত্তর', 'সাতাত্তর', 'আটাত্তর', 'ঊনআশি',
  'আশি', 'একাশি', 'বিরাশি', 'তিরাশি', 'চুরাশি', 'পঁচাশি', 'ছিয়াশি', 'সাতাশি', 'অষ্টাশি|আটাশি', 'ঊননব্বই',
  'নব্বই', 'একানব্বই', 'বিরানব্বই', 'তিরানব্বই', 'চুরানব্বই', 'পঁচানব্বই', 'ছিয়ানব্বই', 'সাতানব্বই', 'আটানব্বই', 'নিরানব্বই',
  'একশো|একশ|একশত',
];

const bengali = new Map<string, number>();
BENGALI.forEach((variants, value) => {
  for (const word of variants.split('|')) {
    bengali.set(textKey(word), value);
    // "One less than" ঊন- (ঊনত্রিশ, 29) is also written উন-.
    if (word.startsWith('ঊন')) bengali.set(textKey(`উ${word.slice(1)}`), value);
  }
});

// After a Bengali number, within the word: a classifier (তিনটি, দুজন), possibly declined (টির, জনকে),
// then the emphatic or date ই (পাঁচই), the locative -এ (একুশে) or the genitive (দশের, দুইয়ের).
// A closed list: তিনি (he), আটকে (stuck), দশক (decade), একর (acre) are other words.
const BENGALI_SUFFIX = new RegExp(
  '^(?:(?:টি|টা|টে|টো|জন|খানা|খানি)(?:র|কে|তে)?)?(?:ই|ে|ের|য়ে|য়ের)?$'.normalize('NFC'),
  'u',
);
// Words that read as a number but say something else: একই is "the same".
const NOT_NUMBERS = new Set(['একই'].map((w) => textKey(w)));
// নয় is also "is not", which ends its clause (এটি সত্য নয়।); nine is followed by what it counts.
const NOY = textKey('নয়');

function bengaliNumber(text: string, word: Word): number | undefined {
  const key = textKey(word.text);
  if (NOT_NUMBERS.has(key)) return undefined;
  if (key === NOY && !/^\s+\p{L}/u.test(text.slice(word.end))) return undefined;
  for (let n = key.length; n > 0; n--) {
    const value = bengali.get(key.slice(0, n));
    if (value !== undefined && BENGALI_SUFFIX.test(key.slice(n))) return value;
  }
  return undefined;
}

function findBengali(text: string): NumberToken[] {
  const found: NumberToken[] = [];
  for (const word of words(text)) {
    const value = bengaliNumber(text, word);
    if (value !== undefined) found.push({ ...word, value: String(value) });
  }
  return found;
}

const english = new Map([
  ...ENGLISH_UNITS.map((word, value) => [word, value] as const),
  ...ENGLISH_TENS.map((word, i) => [word, (i + 2) * 10] as const),
]);
const englishValue = (word: string | undefined) => (word ? english.get(word.toLowerCase())! : 0);
// Whole words, any case; a tens word and a unit joined by "-" or one space are one number (twenty-four).
const TENS = `(${ENGLISH_TENS.join('|')})(?:[- ](${ENGLISH_UNITS.slice(1, 10).join('|')}))?`;
const ENGLISH = new RegExp(`\\b(?:${TENS}|(?:a|one)\\s+hundred|(${ENGLISH_UNITS.join('|')}))\\b`, 'giu');

function findEnglish(text: string): NumberToken[] {
  return Array.from(text.matchAll(ENGLISH), (m) => {
    const [, tens, unit, small] = m;
    // Neither a tens word nor a small number: "a hundred" or "one hundred".
    const value = tens || small ? englishValue(tens ?? small) + englishValue(unit) : 100;
    return { text: m[0], start: m.index, end: m.index + m[0].length, value: String(value) };
  });
}

const finders = new Map([
  ['en', findEnglish],
  ['bn', findBengali],
]);

/** The numbers 0–100 spelled out in `text`, for the languages with a table (en, bn); none for others. */
export function findNumberWords(text: string, lang: string): NumberToken[] {
  const finder = finders.get(lang.toLowerCase().split(/[-_]/)[0]);
  return finder ? finder(text) : [];
}
