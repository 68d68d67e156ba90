// Finding glossary terms in text, inflected forms included: a term's last word may be followed by
// an ending that continues the word (সেলসফোর্সের, বেনিওফকে, কর্মীরা; agents).
import { textKey, words } from './text.js';

/** A word with its comparison keys (case-sensitive and not). */
export interface KeyedWord {
  start: number;
  end: number;
  exact: string;
  folded: string;
}

export interface Term {
  text: string;
  keys: string[];
  caseSensitive: boolean;
}

export interface TermMatch {
  /** From the start of the term's first word to the end of its last word, ending included. */
  start: number;
  end: number;
  wordIndex: number;
}

export function keyedWords(text: string): KeyedWord[] {
  return words(text).map((w) => ({ start: w.start, end: w.end, exact: textKey(w.text, true), folded: textKey(w.text) }));
}

export function compileTerm(text: string, caseSensitive = false): Term {
  return { text, caseSensitive, keys: words(text).map((w) => textKey(w.text, caseSensitive)) };
}

// A hasanta (virama) or nukta right after the term makes another letter, not an ending.
const JOINS_PREVIOUS = /^[\u093C\u094D\u09BC\u09CD\u0A3C\u0A4D\u0ABC\u0ACD\u0B3C\u0B4D\u0BCD\u0C4D\u0CBC\u0CCD\u0D4D\u0DCA\u0E3A\u1039\u17D2\u200D]/u;

/** Whether `rest`, after a term inside one word, is an inflectional ending rather than a longer word. */
export function isEnding(rest: string): boolean {
  if (rest === '') return true;
  if (JOINS_PREVIOUS.test(rest)) return false;
  // Latin words only take a plural ending; Bengali (or Cyrillic…) endings are open-ended.
  return /^(?:s|es)$/iu.test(rest) || !/\p{Script=Latin}/u.test(rest);
}

const keyOf = (word: KeyedWord, term: Term) => (term.caseSensitive ? word.exact : word.folded);

/** Whether the term starts at word `i`, its last word possibly inflected. */
export function termAt(ws: readonly KeyedWord[], i: number, term: Term): boolean {
  const n = term.keys.length;
  if (n === 0 || i + n > ws.length) return false;
  for (let k = 0; k < n - 1; k++) if (keyOf(ws[i + k], term) !== term.keys[k]) return false;
  const last = keyOf(ws[i + n - 1], term);
  const key = term.keys[n - 1];
  return last.startsWith(key) && isEnding(last.slice(key.length));
}

export function findTerm(ws: readonly KeyedWord[], term: Term): TermMatch[] {
  const matches: TermMatch[] = [];
  for (let i = 0; i < ws.length; i++) {
    if (termAt(ws, i, term)) matches.push({ start: ws[i].start, end: ws[i + term.keys.length - 1].end, wordIndex: i });
  }
  return matches;
}
