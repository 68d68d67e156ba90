// Brings a segment of the translation on screen from a side panel.
import { segmentElement } from '../sheet/dom-ranges.js';
import { scrollToSegment } from '../sheet/scroll-to-segment.js';

export function showSegment(segmentId: string): boolean {
  const root = document.querySelector('.editor-root');
  const section = root && segmentElement(root, segmentId);
  if (section) scrollToSegment(section);
  return !!section;
}
