// A person's colour, picked from their name: distinct and stable across visits. The palette's
// values name the colours in presence (peers compare them); the page shows each as --person-N
// (styles/tokens.css), which reads on white and, in the dark scheme, on dark panels.
import { graphemeSegmenter } from '../../shared/graphemes.js';

export const PALETTE = ['#d9480f', '#1971c2', '#2f9e44', '#ae3ec9', '#0c8599', '#c2255c', '#5f3dc4', '#e67700', '#2b8a3e', '#364fc7', '#a61e4d', '#087f5b'];

export function colorFor(name: string): string {
  let hash = 2166136261;
  for (const char of name) hash = Math.imul(hash ^ char.codePointAt(0)!, 16777619);
  return PALETTE[(hash >>> 0) % PALETTE.length];
}

/** How the page draws a presence colour: its token, so it follows the colour scheme. A colour not
 *  of the palette (a client of another make) is drawn in a neutral one. */
export function shownColor(color: string): string {
  const index = PALETTE.indexOf(color);
  return index === -1 ? 'var(--person-other)' : `var(--person-${index})`;
}

// A letter of the Basic Multilingual Plane with no mark, joiner or selector after it is a grapheme on
// its own: no need for the segmenter, whose first use loads locale data (~25 ms) while a page starts.
const LONE_LETTER = /^(?=[\u0000-\uFFFF])\p{L}(?![\p{M}\u200C\u200D\uFE0E\uFE0F])/u;

function firstGrapheme(word: string): string {
  if (LONE_LETTER.test(word)) return word[0];
  for (const { segment } of graphemeSegmenter().segment(word)) return segment;
  return '';
}

/** One letter (a whole grapheme, so Bengali conjuncts stay intact) for an avatar. */
export function initial(name: string): string {
  return firstGrapheme(name.trim()).toUpperCase() || '?';
}
