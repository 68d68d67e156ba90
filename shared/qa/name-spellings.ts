// The spellings a word may be of (its stems, once a case ending is set aside: বেনিওফকে, বেনিওফের →
// বেনিওফ), which one-grapheme differences are how names' spellings vary, and where a spelling stands
// in a text (for "make them all X").
import { graphemes, textKey, words } from './text.js';

// Bengali noun endings: plurals, cases, the emphatic ও and ই, and their combinations, longest first. A
// word ending in one may also be a stem of its own (গাজীপুর is not গাজীপু + র): both are its spellings.
const ENDINGS = [
  'গুলোকে', 'গুলোর', 'গুলোতে', 'গুলো', 'গুলিকে', 'গুলির', 'গুলি', 'দেরকে', 'দের', 'েরাও', 'েরা', 'য়েরও', 'য়ের',
  'েরও', 'কেও', 'টির', 'টিকে', 'টি', 'ের', 'এর', 'কে', 'রা', 'তে', 'য়ে', 'য়ও', 'য়', 'র', 'ে', 'ও', 'ই',
]
  .map((e) => e.normalize('NFC'))
  .sort((a, b) => b.length - a.length);
const BENGALI = /\p{Script=Bengali}/u;
/** Stems shorter than this are too short to tell a name by. */
export const MIN_GRAPHEMES = 3;

/** A word's key (NFC, case kept) and the stems it may be of: itself, and itself without its ending. */
export function spellingsOf(key: string): string[] {
  if (!BENGALI.test(key)) return [key];
  for (const ending of ENDINGS) {
    if (!key.endsWith(ending) || key.length === ending.length) continue;
    const stem = key.slice(0, -ending.length);
    // A stem never ends in a hasanta or a nukta cut from its letter.
    if (/[\u09BC\u09CD]$/u.test(stem) || graphemes(stem).length < MIN_GRAPHEMES - 1) continue;
    return [key, stem];
  }
  return [key];
}

// How names' spellings vary by one grapheme: vowel length (ি ী, ু ূ), ৌ and ো, the sibilants, জ and
// য. Not ন and ণ (a name from abroad has no ণ: গ্রহন for গ্রহণ is a misspelt word), nor the
// chandrabindu (তাদের and তাঁদের are two words).
const FOLD: Array<[RegExp, string]> = [
  [/\u09C0/gu, '\u09BF'], [/\u09C2/gu, '\u09C1'], [/\u09CC/gu, '\u09CB'], [/\u0988/gu, '\u0987'], [/\u098A/gu, '\u0989'],
  [/[\u09B6\u09B7]/gu, '\u09B8'], [/\u09AF(?!\u09BC)/gu, '\u099C'],
];
const fold = (grapheme: string) => FOLD.reduce((text, [pattern, to]) => text.replace(pattern, to), grapheme.normalize('NFD'));
// The o, u and y glides (ও, উ, য়), which transliterations add or drop (বেনিওফ, বেনিফ). Not ই:
// বাইরের (outside) and বারের (the bar's) are two words.
const ADDED = /^(?:[\u0989\u098A\u0993]|\u09AF\u09BC[\u09BE-\u09CC]?)$/u;

/**
 * Whether two spellings a grapheme apart differ as names' spellings do (target-only drafts have no
 * source to tell a name by): a vowel's length, a sibilant, an independent vowel added or dropped…
 */
export function differsAsNamesDo(a: string, b: string): boolean {
  const x = graphemes(a);
  const y = graphemes(b);
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let end = 0;
  while (end < x.length - start && end < y.length - start && x[x.length - 1 - end] === y[y.length - 1 - end]) end++;
  const left = x.slice(start, x.length - end);
  const right = y.slice(start, y.length - end);
  if (left.length + right.length === 1) return ADDED.test((left[0] ?? right[0]).normalize('NFD'));
  return left.length === 1 && right.length === 1 && fold(left[0]) === fold(right[0]);
}

export interface SpellingRange {
  /** The spelling's part of a word (its ending stays). */
  start: number;
  end: number;
  /** Whether an ending follows in the same word. */
  ending: boolean;
}

/** Where `spelling` stands in `text`: the words it is a stem of, up to their ending. */
export function spellingRanges(text: string, spelling: string): SpellingRange[] {
  const key = textKey(spelling, true);
  const ranges: SpellingRange[] = [];
  for (const word of words(text)) {
    const wordKey = textKey(word.text, true);
    if (!spellingsOf(wordKey).includes(key)) continue;
    // The word's text may not be NFC: find where the spelling ends in it. An ending may be a vowel
    // sign (বেনিওফে), inside the last grapheme.
    let length = 0;
    for (const char of word.text) {
      length += char.length;
      if (textKey(word.text.slice(0, length), true) === key) break;
    }
    ranges.push({ start: word.start, end: word.start + length, ending: length < word.text.length });
  }
  return ranges;
}
