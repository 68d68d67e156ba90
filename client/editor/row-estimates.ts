// Rows far from the screen are not laid out (content-visibility), and the page sizes each one from a
// guess until it is first shown. One guess for every row (a short paragraph) made a 10,000-word
// article grow by 7% while it was scrolled through: the scrollbar's thumb crept and a drag of it
// landed off target. Once the fonts are in, this measures each row's text on a canvas, in its
// blocks' fonts and width, while the page is idle, and gives each row a guess of its own. A row once
// shown keeps its real height (the `auto` of contain-intrinsic-size), so the guesses never matter
// for rows on screen.

export interface EstimatedRow {
  id: string;
  element: HTMLElement | null;
}

/** Blocks whose children are blocks in turn (a list's items). */
const CONTAINERS = new Set(['UL', 'OL']);

const SLICE_MS = 6;

const px = (value: string) => Number.parseFloat(value) || 0;

/** Estimates the rows' content heights at idle; returns the function that stops. */
export function estimateRowHeights(rows: readonly EstimatedRow[], set: (id: string, height: number) => void): () => void {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return () => {};
  const idle = window.requestIdleCallback ?? ((run: (deadline: IdleDeadline) => void) => window.setTimeout(() => run({ didTimeout: true, timeRemaining: () => 8 }), 50));
  const cancelIdle = window.cancelIdleCallback ?? window.clearTimeout;
  const queue = rows.filter((row) => row.element?.isConnected);
  let handle = 0;

  const textHeight = (block: Element, width: number): number => {
    const style = getComputedStyle(block);
    const lineHeight = style.lineHeight === 'normal' ? px(style.fontSize) * 1.5 : px(style.lineHeight);
    const text = (block.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) return lineHeight;
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const textWidth = context.measureText(text).width;
    // Lines break between words, so each loses about half a word at its end.
    const words = text.split(' ').length;
    const usable = Math.max(width - textWidth / words / 2, width / 2);
    return Math.max(1, Math.ceil(textWidth / usable)) * lineHeight;
  };

  const blocksHeight = (parent: Element, width: number): number => {
    let height = 0;
    let first = true;
    for (const block of parent.children) {
      const style = getComputedStyle(block);
      if (style.display === 'none') continue;
      const inner = width - px(style.paddingLeft) - px(style.paddingRight);
      height += first ? 0 : px(style.marginTop);
      height += px(style.paddingTop) + px(style.paddingBottom);
      height += CONTAINERS.has(block.tagName) ? blocksHeight(block, inner) : textHeight(block, inner);
      first = false;
    }
    return height;
  };

  // All reads first, all writes at the end: a write between reads would make the next read lay the
  // page out again.
  const estimates = new Map<string, number>();
  // Short slices (measuring a 10,000-word article takes ~150 ms), so a key pressed meanwhile waits
  // little.
  const step = (deadline: IdleDeadline) => {
    const end = performance.now() + SLICE_MS;
    while (queue.length > 0 && performance.now() < end && (deadline.didTimeout || deadline.timeRemaining() > 1)) {
      const { id, element } = queue.shift()!;
      if (!element?.isConnected) continue;
      const style = getComputedStyle(element);
      const width = element.clientWidth - px(style.paddingLeft) - px(style.paddingRight);
      if (width > 0) estimates.set(id, Math.round(blocksHeight(element, width)));
    }
    if (queue.length > 0) handle = idle(step);
    else for (const [id, height] of estimates) set(id, height);
  };
  handle = idle(step);
  return () => cancelIdle(handle);
}
