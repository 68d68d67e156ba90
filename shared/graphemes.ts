// Grapheme boundaries: offsets the server computes or accepts must never split a user-perceived
// character (a Bengali conjunct or vowel sign, an emoji with its modifiers).
let segmenter: Intl.Segmenter | null = null;

/** One grapheme segmenter, made on first use: making it loads the locale's break rules (~15 ms),
 *  which a page should not pay while it starts. */
export function graphemeSegmenter(): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));
}

export function isGraphemeBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return offset === 0 || offset === text.length;
  return graphemeSegmenter().segment(text).containing(offset)?.index === offset;
}

/** Code units either side of an offset that decide whether it is a boundary. */
const NEAR = 16;

/** Whether `offset` is a grapheme boundary, judged from the characters near it alone: its cost does
 *  not grow with the text (for a check on every keystroke). */
export function isGraphemeBoundaryNear(text: string, offset: number): boolean {
  const from = Math.max(0, offset - NEAR);
  return isGraphemeBoundary(text.slice(from, offset + NEAR), offset - from);
}

/** Up to `count` graphemes of `text` ending at `offset` (before) or starting at it (after). */
export function graphemesAround(text: string, offset: number, count: number, side: 'before' | 'after'): string {
  const parts = [...graphemeSegmenter().segment(side === 'before' ? text.slice(0, offset) : text.slice(offset))].map((s) => s.segment);
  return (side === 'before' ? parts.slice(-count) : parts.slice(0, count)).join('');
}
