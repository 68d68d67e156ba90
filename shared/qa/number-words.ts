// Which languages' number words the numbers check reads (en, bn); digits are read in every language.
import { bengaliNumberParts } from './bengali-number-words.js';
import { englishNumberParts } from './english-number-words.js';
import type { NumberPart } from './number-parts.js';

/** What a word says towards a number; `after` is the text that follows the word (a few characters of it). */
export type NumberWordReader = (word: string, after: string) => NumberPart[] | undefined;

const readers = new Map<string, NumberWordReader>([
  ['en', englishNumberParts],
  ['bn', bengaliNumberParts],
]);

/** The reader of `lang`'s number words, or undefined for a language without one. */
export const numberWordReader = (lang: string): NumberWordReader | undefined => readers.get(lang.toLowerCase().split(/[-_]/)[0]);
