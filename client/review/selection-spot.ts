// The place in the translation the page's selection points at, as plain-text offsets of one
// segment (client/sheet/dom-ranges.ts), widened to whole graphemes: the server refuses a range that
// splits a Bengali conjunct or an emoji.
import type * as Y from 'yjs';
import { isGraphemeBoundary } from '../../shared/graphemes.js';
import { findSegment, mapSegment } from '../../shared/review/text-map.js';
import { plainOffset } from '../sheet/dom-ranges.js';
import type { TextSpot } from './desk.js';

export function sectionOf(node: Node | null, root: Element): HTMLElement | null {
  const element = node instanceof Element ? node : node?.parentElement;
  const section = element?.closest<HTMLElement>('section[data-segment-id]');
  return section && root.contains(section) ? section : null;
}

function widen(doc: Y.Doc, segmentId: string, start: number, end: number): [number, number] {
  const type = findSegment(doc, segmentId);
  if (!type) return [start, end];
  const text = mapSegment(type).text;
  start = Math.min(start, text.length);
  end = Math.min(Math.max(end, start), text.length);
  while (start > 0 && !isGraphemeBoundary(text, start)) start--;
  while (end < text.length && !isGraphemeBoundary(text, end)) end++;
  return [start, end];
}

/** The spot of a DOM range inside the editor's root; null outside it or across segments. */
export function spotOfRange(range: Range, root: Element, doc: Y.Doc): TextSpot | null {
  const first = sectionOf(range.startContainer, root);
  if (!first) return null;
  const start = plainOffset(first, range.startContainer, range.startOffset);
  let end: number | null;
  const last = sectionOf(range.endContainer, root);
  if (last === first) end = plainOffset(first, range.endContainer, range.endOffset);
  // A triple click selects up to the start of the next segment: that is this segment's end.
  else if (last && plainOffset(last, range.endContainer, range.endOffset) === 0) end = Number.MAX_SAFE_INTEGER;
  else return null;
  if (start === null || end === null) return null;
  const segmentId = first.dataset.segmentId!;
  const [from, to] = widen(doc, segmentId, start, end);
  return { segmentId, start: from, end: to };
}

export function selectionSpot(root: Element, doc: Y.Doc): TextSpot | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  return spotOfRange(selection.getRangeAt(0), root, doc);
}

/** The spot under a point of the screen (a click), as a caret. */
export function spotAtPoint(x: number, y: number, root: Element, doc: Y.Doc): TextSpot | null {
  const position = document.caretPositionFromPoint?.(x, y);
  const range = document.createRange();
  if (position) range.setStart(position.offsetNode, position.offset);
  else {
    const legacy = document.caretRangeFromPoint?.(x, y);
    if (!legacy) return null;
    range.setStart(legacy.startContainer, legacy.startOffset);
  }
  range.collapse(true);
  return spotOfRange(range, root, doc);
}
