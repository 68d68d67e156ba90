// Boxes of text in the translation, for placing what floats over it (ghosts, caret, the selection
// bar, the composer) in a layer of our own.
import { domRange, segmentElement } from '../sheet/dom-ranges.js';
import type { TextSpot } from './desk.js';

/** The box of a range's end (or of a caret), in the viewport. */
export function endRect(range: Range): DOMRect | null {
  const end = range.cloneRange();
  end.collapse(false);
  const rect = end.getClientRects()[0];
  if (rect) return rect;
  const rects = range.getClientRects();
  const last = rects[rects.length - 1];
  if (last) return new DOMRect(last.right, last.top, 0, last.height);
  const element = end.startContainer instanceof Element ? end.startContainer : end.startContainer.parentElement;
  const box = element?.getBoundingClientRect();
  return box ? new DOMRect(box.left, box.top, 0, Math.min(box.height, 28)) : null;
}

export interface SpotBox {
  left: number;
  top: number;
  bottom: number;
  /** The right edge of the segment's row. */
  rowRight: number;
}

/** Where a spot stands, relative to `layer` (a positioned element over the sheet). */
export function spotBox(root: HTMLElement | null, spot: TextSpot, layer: HTMLElement | null): SpotBox | null {
  const section = root && segmentElement(root, spot.segmentId);
  const range = section && domRange(section, spot.start, spot.end);
  if (!range || !layer) return null;
  const first = range.collapsed ? endRect(range) : (range.getClientRects()[0] ?? range.getBoundingClientRect());
  const whole = range.collapsed ? first : range.getBoundingClientRect();
  if (!first || !whole) return null;
  const origin = layer.getBoundingClientRect();
  return {
    left: first.left - origin.left,
    top: first.top - origin.top,
    bottom: whole.bottom - origin.top,
    rowRight: section.getBoundingClientRect().right - origin.left,
  };
}
