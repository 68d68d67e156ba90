// Grapheme boundaries: offsets the server computes or accepts must never split a user-perceived
// character (a Bengali conjunct or vowel sign, an emoji with its modifiers).
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function isGraphemeBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return offset === 0 || offset === text.length;
  for (const { index } of segmenter.segment(text)) {
    if (index === offset) return true;
    if (index > offset) return false;
  }
  return false;
}

/** Up to `count` graphemes of `text` ending at `offset` (before) or starting at it (after). */
export function graphemesAround(text: string, offset: number, count: number, side: 'before' | 'after'): string {
  const parts = [...segmenter.segment(side === 'before' ? text.slice(0, offset) : text.slice(offset))].map((s) => s.segment);
  return (side === 'before' ? parts.slice(-count) : parts.slice(0, count)).join('');
}
