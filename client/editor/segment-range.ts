// Selections that span segments. Lexical's own deletion would merge the segments a selection
// crosses; here the selected text is deleted inside each segment instead, and every segment stays.
// Call inside an editor update.
import {
  $createParagraphNode,
  $createRangeSelection,
  $getNodeByKey,
  $isElementNode,
  $isRootNode,
  $isTextNode,
  $setSelection,
  type LexicalNode,
  type PointType,
  type RangeSelection,
} from 'lexical';
import { $isSegmentNode, type SegmentNode } from '../../shared/nodes/index.js';

interface Point {
  key: string;
  offset: number;
  type: 'text' | 'element';
}

export interface SegmentSpan {
  start: Point;
  end: Point;
  segments: SegmentNode[];
}

export function $segmentOf(node: LexicalNode | null): SegmentNode | null {
  for (let n = node; n !== null; n = n.getParent()) if ($isSegmentNode(n)) return n;
  return null;
}

/** The segment a point lies in; a point between segments (on the root) takes the one after it for a
 *  start and the one before it for an end. */
function $pointSegment(point: PointType, isEnd: boolean): SegmentNode | null {
  const node = point.getNode();
  if (!$isRootNode(node)) return $segmentOf(node);
  const children = node.getChildren();
  const index = Math.max(0, Math.min(children.length - 1, isEnd ? point.offset - 1 : point.offset));
  const child = children[index];
  return $isSegmentNode(child) ? child : null;
}

function $edgeOf(segment: SegmentNode, end: boolean): Point {
  const leaf = end ? segment.getLastDescendant() : segment.getFirstDescendant();
  if (leaf === null) return { key: segment.getKey(), offset: end ? segment.getChildrenSize() : 0, type: 'element' };
  if ($isTextNode(leaf)) return { key: leaf.getKey(), offset: end ? leaf.getTextContentSize() : 0, type: 'text' };
  if ($isElementNode(leaf)) return { key: leaf.getKey(), offset: end ? leaf.getChildrenSize() : 0, type: 'element' };
  const parent = leaf.getParentOrThrow();
  return { key: parent.getKey(), offset: leaf.getIndexWithinParent() + (end ? 1 : 0), type: 'element' };
}

function toPoint(point: PointType): Point {
  return { key: point.key, offset: point.offset, type: point.type };
}

/** The segments a non-collapsed selection touches, when there are two or more; else null. */
export function $segmentSpan(selection: RangeSelection): SegmentSpan | null {
  if (selection.isCollapsed()) return null;
  const [startPoint, endPoint] = selection.isBackward() ? [selection.focus, selection.anchor] : [selection.anchor, selection.focus];
  const first = $pointSegment(startPoint, false);
  const last = $pointSegment(endPoint, true);
  if (first === null || last === null || first.is(last)) return null;
  const segments: SegmentNode[] = [first];
  for (let n = first.getNextSibling(); n !== null && !n.is(last); n = n.getNextSibling()) {
    if ($isSegmentNode(n)) segments.push(n);
  }
  segments.push(last);
  const start = $isRootNode(startPoint.getNode()) ? $edgeOf(first, false) : toPoint(startPoint);
  const end = $isRootNode(endPoint.getNode()) ? $edgeOf(last, true) : toPoint(endPoint);
  return { start, end, segments };
}

function $removeBetween(from: Point, to: Point): RangeSelection {
  const selection = $createRangeSelection();
  selection.anchor.set(from.key, from.offset, from.type);
  selection.focus.set(to.key, to.offset, to.type);
  $setSelection(selection);
  if (!selection.isCollapsed()) selection.removeText();
  return selection;
}

function $keepEditable(segment: SegmentNode): void {
  if (segment.getChildrenSize() === 0) segment.append($createParagraphNode());
}

/** Deletes the selected text inside each spanned segment; leaves a caret where the selection began. */
export function $deleteInSegments(span: SegmentSpan): void {
  const { segments } = span;
  const first = segments[0];
  const last = segments[segments.length - 1];
  // Back to front, so the points still to be used stay valid.
  $removeBetween($edgeOf(last, false), span.end);
  $keepEditable(last);
  for (const middle of segments.slice(1, -1).reverse()) {
    middle.clear();
    $keepEditable(middle);
  }
  const caret = $removeBetween(span.start, $edgeOf(first, true));
  $keepEditable(first);
  // Leave the caret inside a block, never on the segment itself.
  const anchor = $getNodeByKey(caret.anchor.key);
  if (anchor === null || !anchor.isAttached()) first.selectStart();
  else if ($isSegmentNode(anchor)) {
    const before = anchor.getChildAtIndex(caret.anchor.offset - 1);
    if ($isElementNode(before)) before.selectEnd();
    else anchor.selectStart();
  }
}
