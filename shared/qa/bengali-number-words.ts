// Bengali number words. Each number 0–99 is a word of its own (চব্বিশ 24, সাতাশি 87); hundreds join
// their number (তিনশো 300, দেড়শো 150, বারোশো 1,200); হাজার, লাখ/লক্ষ, কোটি (and মিলিয়ন…) are words of
// their own (দুই হাজার পাঁচশো, সাড়ে তিন কোটি), which number-phrases.ts puts together.
import { number, ordinal, scale, type NumberPart } from './number-parts.js';
import { textKey } from './text.js';

// Spelling variants after "|".
const CARDINALS = [
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
];
/** Fractions that stand for their value and take a hundred or a scale (দেড় লাখ 150,000, আড়াইশো 250). */
const FRACTIONS: Record<string, number> = { দেড়: 1.5, আড়াই: 2.5, আধা: 0.5, অর্ধেক: 0.5 };
/** The hundred joined to a number: তিনশো, তিনশ, তিনশত. */
const HUNDRED = ['শো', 'শ', 'শত'];
const SCALES: Record<string, number> = {
  শো: 100, শত: 100, হাজার: 1e3, লাখ: 1e5, লক্ষ: 1e5, কোটি: 1e7, মিলিয়ন: 1e6, বিলিয়ন: 1e9, ট্রিলিয়ন: 1e12,
};
const PLUS: Record<string, number> = { সাড়ে: 0.5, সোয়া: 0.25, পৌনে: -0.25 };
// Ordinals of their own, and the days of the month পয়লা…চৌঠা; others add -তম (পঞ্চাশতম, শততম).
const ORDINALS = [
  'প্রথম|পয়লা', 'দ্বিতীয়|দোসরা', 'তৃতীয়|তেসরা', 'চতুর্থ|চৌঠা', 'পঞ্চম', 'ষষ্ঠ', 'সপ্তম', 'অষ্টম', 'নবম', 'দশম',
  'একাদশ', 'দ্বাদশ', 'ত্রয়োদশ', 'চতুর্দশ', 'পঞ্চদশ', 'ষোড়শ', 'সপ্তদশ', 'অষ্টাদশ', 'ঊনবিংশ|উনবিংশ', 'বিংশ', 'একবিংশ',
];
const ORDINAL_SCALES: Record<string, number> = { শততম: 100, হাজারতম: 1e3, সহস্রতম: 1e3 };
// How many times: তিনবার (three times), তৃতীয়বার (the third time), তিনগুণ and দ্বিগুণ (threefold, double).
// Not একবার, which is also "once, just".
const TIMES = ['বার', 'গুণ'];

let lexicon: Map<string, NumberPart[]> | null = null;
/** Every start of a lexicon word, so most words are given up on after a letter or two. */
let starts: Set<string> | null = null;

/** Every form a number word takes before its endings, with what it says. */
function buildLexicon(): Map<string, NumberPart[]> {
  const map = new Map<string, NumberPart[]>();
  const add = (word: string, parts: NumberPart[]) => {
    map.set(textKey(word), parts);
    // "One less than" ঊন- (ঊনত্রিশ, 29) is also written উন-.
    if (word.startsWith('ঊন')) map.set(textKey(`উ${word.slice(1)}`), parts);
  };
  const numbers: Array<[string, number]> = [['ছ', 6], ...Object.entries(FRACTIONS)];
  CARDINALS.forEach((variants, value) => variants.split('|').forEach((word) => numbers.push([word, value])));
  for (const [word, value] of numbers) {
    add(word, [number(value)]);
    if (value === 0) continue;
    for (const hundred of HUNDRED) {
      add(word + hundred, [number(value), scale(100)]);
      if (Number.isInteger(value)) add(`${word + hundred}তম`, [ordinal(value * 100)]);
    }
    add(`${word}হাজার`, [number(value), scale(1e3)]);
    if (Number.isInteger(value) && word !== 'ছ') add(`${word}তম`, [ordinal(value)]);
    if (Number.isInteger(value) && value >= 2 && word !== 'ছ') for (const times of TIMES) add(word + times, [number(value)]);
  }
  add('দ্বিগুণ', [number(2)]);
  for (const [word, value] of Object.entries(ORDINAL_SCALES)) add(word, [ordinal(value)]);
  for (const [word, value] of Object.entries(SCALES)) add(word, [scale(value)]);
  for (const [word, value] of Object.entries(PLUS)) add(word, [{ kind: 'plus', value }]);
  ORDINALS.forEach((variants, i) =>
    variants.split('|').forEach((word) => {
      add(word, [ordinal(i + 1)]);
      add(`${word}বার`, [ordinal(i + 1)]);
    }),
  );
  return map;
}

// After a number word, within the word: a classifier (তিনটি, দুজন), possibly declined (টির, জনকে,
// পাঁচটায়); or a case ending: the date's ই (পাঁচই), the locative -এ (একুশে), the genitive (দশের,
// দুইয়ের); then the emphatic ও or ই (হাজারেরও). A closed list: তিনি (he), দশক (decade), একর (acre) are other words.
const nfc = (pattern: string) => new RegExp(pattern.normalize('NFC'), 'u');
const CLASSIFIED = nfc('^(?:টি|টা|টে|টো|জন|খানা|খানি)(?:র|কে|তে|ের|য়ের|য়|ে)?(?:ও|ই)?$');
const DECLINED = nfc('^(?:ই|ে|ের|য়ের|য়ে|এর)?(?:ও|ই)?$');
// র, কে and তে follow a vowel only (কোটির, একশোতে): আটকে (stuck), দশকে (in the decade) are not numbers.
const AFTER_VOWEL = /^(?:র|কে|তে)(?:ও|ই)?$/u;
const ENDS_IN_VOWEL = /[\u0985-\u0994\u09BE-\u09CC\u09D7]$/u;
// ছ (six) is a number only before a classifier (ছটা, ছজন, ছটায়) or a hundred (ছশো).
const SIX = textKey('ছ');
const endingFits = (stem: string, rest: string) =>
  CLASSIFIED.test(rest) || (stem !== SIX && (DECLINED.test(rest) || (ENDS_IN_VOWEL.test(stem) && AFTER_VOWEL.test(rest))));

// Words that read as a number but say something else: একই is "the same".
const NOT_NUMBERS = new Set(['একই'].map((w) => textKey(w)));
// নয় is also "is not", which ends its clause (এটি সত্য নয়।); nine is followed by what it counts.
const NOY = textKey('নয়');

/** What a Bengali word says towards a number, if anything; `after` is the text that follows it. */
export function bengaliNumberParts(word: string, after: string): NumberPart[] | undefined {
  lexicon ??= buildLexicon();
  starts ??= new Set([...lexicon.keys()].flatMap((key) => Array.from(key, (_, i) => key.slice(0, i + 1))));
  const key = textKey(word);
  if (NOT_NUMBERS.has(key)) return undefined;
  if (key === NOY && !/^\s+\p{L}/u.test(after)) return undefined;
  // The longest number word the word starts with whose rest is an ending.
  let found: NumberPart[] | undefined;
  for (let n = 1; n <= key.length; n++) {
    const stem = key.slice(0, n);
    if (!starts.has(stem)) break;
    const parts = lexicon.get(stem);
    if (parts && endingFits(stem, key.slice(n))) found = parts;
  }
  return found;
}
