// A person's colour, picked from their name: distinct, readable on white, and stable across visits.
const PALETTE = ['#d9480f', '#1971c2', '#2f9e44', '#ae3ec9', '#e8590c', '#0c8599', '#c2255c', '#5f3dc4', '#66a80f', '#f08c00'];

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
