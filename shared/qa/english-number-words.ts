// English number words: cardinals and ordinals (twenty-four, twenty-first, one hundredth), scales
// (hundred, thousand, million, lakh, crore, dozen, bn, k), "a" and "half" before a scale, "and"
// inside a number, twice and thrice.
// number-phrases.ts puts them together ("two thousand five hundred", "half a million").
import { number, ordinal, ordinalScale, scale, type NumberPart } from './number-parts.js';

const UNITS = 'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen';
const TENS = 'twenty thirty forty fifty sixty seventy eighty ninety';
const ORDINAL_UNITS =
  'zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth';
const ORDINAL_TENS = 'twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth';
const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7,
  dozen: 12, k: 1e3, mn: 1e6, bn: 1e9, tn: 1e12,
};
const ORDINAL_SCALES: Record<string, number> = { hundredth: 100, thousandth: 1e3, millionth: 1e6, billionth: 1e9 };

const words = new Map<string, NumberPart>([
  ...UNITS.split(' ').map((w, i) => [w, number(i)] as const),
  ...TENS.split(' ').map((w, i) => [w, number((i + 2) * 10)] as const),
  ...ORDINAL_UNITS.split(' ').map((w, i) => [w, ordinal(i)] as const),
  ...ORDINAL_TENS.split(' ').map((w, i) => [w, ordinal((i + 2) * 10)] as const),
  ...Object.entries(SCALES).map(([w, value]) => [w, scale(value)] as const),
  ...Object.entries(ORDINAL_SCALES).map(([w, value]) => [w, ordinalScale(value)] as const),
  ['twice', number(2)],
  ['thrice', number(3)],
  ['a', { kind: 'article' }],
  ['an', { kind: 'article' }],
  ['half', { kind: 'half' }],
  ['and', { kind: 'and' }],
]);

/** What an English word says towards a number, if anything. */
export function englishNumberParts(word: string): NumberPart[] | undefined {
  const part = words.get(word.toLowerCase());
  return part && [part];
}
