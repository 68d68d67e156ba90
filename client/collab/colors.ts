// A person's colour, picked from their name: distinct, readable on white, and stable across visits.
export const PALETTE = ['#d9480f', '#1971c2', '#2f9e44', '#ae3ec9', '#0c8599', '#c2255c', '#5f3dc4', '#e67700', '#2b8a3e', '#364fc7', '#a61e4d', '#087f5b'];

export function colorFor(name: string): string {
  let hash = 2166136261;
  for (const char of name) hash = Math.imul(hash ^ char.codePointAt(0)!, 16777619);
  return PALETTE[(hash >>> 0) % PALETTE.length];
}

const graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

function firstGrapheme(word: string): string {
  if (!graphemes) return Array.from(word)[0] ?? '';
  for (const { segment } of graphemes.segment(word)) return segment;
  return '';
}

/** One letter (a whole grapheme, so Bengali conjuncts stay intact) for an avatar. */
export function initial(name: string): string {
  return firstGrapheme(name.trim()).toUpperCase() || '?';
}
