// Where segments begin and end (SPEC 11.10, 11.11): a split moves what follows a plain-text offset
// into a new segment right after; a merge moves the next segment's blocks into this one. Call inside
// an editor update. A split drops the spaces and the line break at its seam, so neither half ends
// or starts with them (nor with an empty block); a merge drops an empty half, so no empty block is
// left at its seam.
import { $createParagraphNode, $getNodeByKey, $isElementNode, $isLineBreakNode, $isTextNode, $splitNode, type ElementNode } from 'lexical';
import { $getSegmentText } from './article.js';
import { $createSegmentNode, type SegmentNode } from './nodes/index.js';
import { $pointAt } from './ranges.js';

/** The segment's child index where the second half starts, splitting the block at the offset if need be. */
function $splitIndex(segment: SegmentNode, at: number): number {
  const point = $pointAt(segment, at, 'after');
  const node = point && $getNodeByKey(point.key);
  if (!point || !node) throw new RangeError(`offset ${at} is outside the segment`);
  let parent: ElementNode;
  let index: number;
  if (point.type === 'element' && $isElementNode(node)) {
    parent = node;
    index = point.offset;
  } else if ($isTextNode(node)) {
    const inside = point.offset > 0 && point.offset < node.getTextContentSize();
    const start = inside ? node.splitText(point.offset)[1] : node;
    parent = start.getParentOrThrow();
    index = start.getIndexWithinParent() + (!inside && point.offset > 0 ? 1 : 0);
  } else throw new RangeError(`offset ${at} is at no text`);
  // At an element's start or end the split falls before or after the element itself.
  while (parent !== segment && (index === 0 || index === parent.getChildrenSize())) {
    index = parent.getIndexWithinParent() + (index > 0 ? 1 : 0);
    parent = parent.getParentOrThrow();
  }
  return parent === segment ? index : $splitNode(parent, index)[1].getIndexWithinParent();
}

/** Drops spaces, line breaks and empty blocks at one end of a segment's text. */
function $trimEdge(segment: SegmentNode, edge: 'start' | 'end'): void {
  for (;;) {
    const leaf = edge === 'end' ? segment.getLastDescendant() : segment.getFirstDescendant();
    const emptyBlock = $isElementNode(leaf) && leaf !== segment && leaf.getChildrenSize() === 0 && segment.getChildrenSize() > 1;
    if ($isLineBreakNode(leaf) || emptyBlock) {
      leaf!.remove();
      continue;
    }
    if (!$isTextNode(leaf)) return;
    const text = leaf.getTextContent();
    const trimmed = edge === 'end' ? text.trimEnd() : text.trimStart();
    if (trimmed === text) return;
    if (trimmed !== '') return void leaf.setTextContent(trimmed);
    leaf.remove();
  }
}

/** Splits `segment` at a plain-text offset (SPEC 5.2); the second half becomes segment `newId`. */
export function $splitSegment(segment: SegmentNode, at: number, newId: string): SegmentNode {
  const index = $splitIndex(segment, at);
  const second = $createSegmentNode(newId);
  segment.insertAfter(second);
  const moved = segment.getChildren().slice(index);
  second.append(...(moved.length > 0 ? moved : [$createParagraphNode()]));
  if (segment.getChildrenSize() === 0) segment.append($createParagraphNode());
  $trimEdge(segment, 'end');
  $trimEdge(second, 'start');
  return second;
}

/** Moves the blocks of `next` into `segment` and removes `next`. */
export function $mergeSegments(segment: SegmentNode, next: SegmentNode): void {
  if ($getSegmentText(next) !== '') {
    if ($getSegmentText(segment) === '') segment.clear();
    segment.append(...next.getChildren());
  }
  next.remove();
}
