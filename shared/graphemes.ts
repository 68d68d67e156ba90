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
  for (const { index } of graphemeSegmenter().segment(text)) {
    if (index === offset) return true;
    if (index > offset) return false;
  }
  return false;
}

/** Up to `count` graphemes of `text` ending at `offset` (before) or starting at it (after). */
export function graphemesAround(text: string, offset: number, count: number, side: 'before' | 'after'): string {
  const parts = [...graphemeSegmenter().segment(side === 'before' ? text.slice(0, offset) : text.slice(offset))].map((s) => s.segment);
  return (side === 'before' ? parts.slice(-count) : parts.slice(0, count)).join('');
}
