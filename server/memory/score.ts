// How alike two sources are (SPEC 18.3), computed on normalised text (normalize.ts): the mean of a
// character score and a word score, each 100 × (1 − edit distance / the longer length), the
// characters being grapheme clusters (a Bengali conjunct or vowel sign is one) and the words
// Intl.Segmenter's word-like segments. The word score keeps the same words in another order from
// scoring high; the character score keeps a one-letter respelling from costing a whole word.
// Only identical normalised texts score 100: anything else is at most 99, so a changed number
// never scores 100.
import { clustersOf, wordsOf } from './normalize.js';

export function levenshtein(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

function ratio(a: readonly string[], b: readonly string[]): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - levenshtein(a, b) / longer;
}

/** 0–100 for two normalised texts; 100 only when they are identical. */
export function similarity(a: string, b: string): number {
  if (a === b) return 100;
  const score = Math.floor((100 * (ratio(clustersOf(a), clustersOf(b)) + ratio(wordsOf(a), wordsOf(b)))) / 2);
  return Math.max(0, Math.min(99, score));
}

