// Rows far from the screen are not laid out (content-visibility), and the page sizes each one from a
// guess until it is first shown. One guess for every row (a short paragraph) made a 10,000-word
// article grow by 7% while it was scrolled through: the scrollbar's thumb crept and a drag of it
// landed off target. This guesses each row's height from its text, measured on a canvas in its
// blocks' fonts and width. A row once shown keeps its real height (the `auto` of
// contain-intrinsic-size), so the guesses never matter for rows on screen.
//
// What costs is reading styles inside rows that are not laid out (about half a millisecond each)
// and shaping text (about 4 µs a character): styles are read once per kind of block, and each
// font's first few thousand characters are measured, the rest taking their mean width.

export interface EstimatedRow {
  id: string;
  element: HTMLElement | null;
}

interface BlockMetrics {
  hidden: boolean;
  font: string;
  lineHeight: number;
  marginTop: number;
  paddingX: number;
  paddingY: number;
}

/** Blocks whose children are blocks in turn (a list's items). */
const CONTAINERS = new Set(['UL', 'OL']);
const SAMPLE_CHARACTERS = 3000;

const px = (value: string) => Number.parseFloat(value) || 0;

/**
 * Content heights (px) of the rows, by id. Rows of one `kindOf` share their width and padding; a
 * block's style depends only on its class, its previous sibling's and whether it opens the article.
 */
export function estimateRowHeights(rows: readonly EstimatedRow[], kindOf: (id: string) => string): Map<string, number> {
  const heights = new Map<string, number>();
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return heights;

  const sampled = new Map<string, { characters: number; width: number }>();
  const textWidth = (font: string, text: string): number => {
    let sample = sampled.get(font);
    if (!sample) sampled.set(font, (sample = { characters: 0, width: 0 }));
    if (sample.characters >= SAMPLE_CHARACTERS) return (text.length * sample.width) / sample.characters;
    context.font = font;
    const width = context.measureText(text).width;
    sample.characters += text.length;
    sample.width += width;
    return width;
  };

  const blockMetrics = new Map<string, BlockMetrics>();
  const metricsOf = (block: Element, opensArticle: boolean): BlockMetrics => {
    const key = `${opensArticle}|${block.previousElementSibling?.className ?? ''}|${block.tagName}.${block.className}`;
    let metrics = blockMetrics.get(key);
    if (!metrics) {
      const style = getComputedStyle(block);
      metrics = {
        hidden: style.display === 'none',
        font: `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`,
        lineHeight: style.lineHeight === 'normal' ? px(style.fontSize) * 1.5 : px(style.lineHeight),
        marginTop: px(style.marginTop),
        paddingX: px(style.paddingLeft) + px(style.paddingRight),
        paddingY: px(style.paddingTop) + px(style.paddingBottom),
      };
      blockMetrics.set(key, metrics);
    }
    return metrics;
  };

  const textHeight = (block: Element, metrics: BlockMetrics, width: number): number => {
    const text = (block.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) return metrics.lineHeight;
    const total = textWidth(metrics.font, text);
    // Lines break between words, so each loses about half a word at its end.
    const usable = Math.max(width - total / text.split(' ').length / 2, width / 2);
    return Math.max(1, Math.ceil(total / usable)) * metrics.lineHeight;
  };

  const blocksHeight = (parent: Element, width: number, opensArticle: boolean): number => {
    let height = 0;
    let first = true;
    for (const block of parent.children) {
      const metrics = metricsOf(block, opensArticle);
      if (metrics.hidden) continue;
      const inner = width - metrics.paddingX;
      height += (first ? 0 : metrics.marginTop) + metrics.paddingY;
      height += CONTAINERS.has(block.tagName) ? blocksHeight(block, inner, opensArticle) : textHeight(block, metrics, inner);
      first = false;
    }
    return height;
  };

  const widths = new Map<string, number>();
  rows.forEach(({ id, element }, index) => {
    if (!element?.isConnected) return;
    const kind = kindOf(id);
    let width = widths.get(kind);
    if (width === undefined) {
      const style = getComputedStyle(element);
      widths.set(kind, (width = element.clientWidth - px(style.paddingLeft) - px(style.paddingRight)));
    }
    if (width > 0) heights.set(id, Math.round(blocksHeight(element, width, index === 0)));
  });
  return heights;
}
