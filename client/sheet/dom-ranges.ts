// Plain-text offsets of a segment (SPEC 5.2: blocks joined by "\n", a line break "\n") mapped onto
// the editor's DOM and back, to draw highlights (CSS Custom Highlight API) and to read selections,
// without touching Lexical's DOM.
const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote';

/** Blocks that hold text themselves (a list item that only holds a nested list does not). */
function leafBlocks(section: Element): Element[] {
  return [...section.querySelectorAll(BLOCKS)].filter((block) => !block.querySelector(BLOCKS));
}

/** Lexical adds a <br> as the last child of a block that is empty or ends in a line break. */
function countsAsLineBreak(br: Element, block: Element): boolean {
  return br !== block.lastChild;
}

interface Piece {
  node: Node;
  start: number;
  length: number;
}

/** The segment's text nodes and counted line breaks, with their plain offsets. */
function pieces(section: Element): { pieces: Piece[]; blockStarts: Array<{ block: Element; start: number }> } {
  const out: Piece[] = [];
  const blockStarts: Array<{ block: Element; start: number }> = [];
  let offset = 0;
  leafBlocks(section).forEach((block, i) => {
    if (i > 0) offset += 1;
    blockStarts.push({ block, start: offset });
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        const length = (node as Text).data.length;
        out.push({ node, start: offset, length });
        offset += length;
      } else if ((node as Element).tagName === 'BR' && countsAsLineBreak(node as Element, block)) {
        out.push({ node, start: offset, length: 1 });
        offset += 1;
      }
    }
  });
  return { pieces: out, blockStarts };
}

/** Whether this browser draws CSS Custom Highlights. */
export const highlightsSupported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

export function segmentElement(scope: ParentNode, segmentId: string): HTMLElement | null {
  return scope.querySelector(`section[data-segment-id="${CSS.escape(segmentId)}"]`);
}

function boundary(section: Element, offset: number, side: 'start' | 'end'): [Node, number] | null {
  const { pieces: all, blockStarts } = pieces(section);
  const fits = (p: Piece) => (side === 'start' ? offset >= p.start && offset < p.start + p.length : offset > p.start && offset <= p.start + p.length);
  const piece = all.find((p) => p.length > 0 && fits(p)) ?? all.find((p) => offset >= p.start && offset <= p.start + p.length);
  if (piece) {
    if (piece.node.nodeType === Node.TEXT_NODE) return [piece.node, offset - piece.start];
    const parent = piece.node.parentNode!;
    const index = Array.prototype.indexOf.call(parent.childNodes, piece.node) + (offset > piece.start ? 1 : 0);
    return [parent, index];
  }
  const empty = blockStarts.find((b) => b.start === offset);
  return empty ? [empty.block, 0] : null;
}

/** A DOM Range over a plain-text range of a segment's element; null when it falls outside. */
export function domRange(section: Element, start: number, end: number): Range | null {
  const from = boundary(section, start, 'start');
  const to = boundary(section, end, start === end ? 'start' : 'end');
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from[0], from[1]);
  range.setEnd(to[0], to[1]);
  return range;
}

/** The plain-text offset of a DOM point inside a segment's element (e.g. a selection's ends). */
export function plainOffset(section: Element, node: Node, offset: number): number | null {
  if (!section.contains(node)) return null;
  const { pieces: all, blockStarts } = pieces(section);
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const block = blockStarts.find((b) => b.block === element?.closest(BLOCKS)) ?? blockStarts[0];
  if (!block) return null;
  const point = document.createRange();
  point.setStart(node, offset);
  let result = block.start;
  for (const piece of all) {
    if (!block.block.contains(piece.node)) continue;
    if (piece.node === node) return piece.start + Math.min(offset, piece.length);
    // The first piece at or after the point: the point stands at its start.
    if (point.comparePoint(piece.node, 0) >= 0) return piece.start;
    result = piece.start + piece.length;
  }
  return result;
}
