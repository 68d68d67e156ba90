// Plain-text offsets of a segment (SPEC 5.2) as Lexical selection points, so the server can apply an
// accepted suggestion with Lexical's own editing (call inside an editor update).
import {
  $createRangeSelection,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  $setSelection,
  type ElementNode,
  type LexicalNode,
  type RangeSelection,
} from 'lexical';
import type { SegmentNode } from './nodes/index.js';

interface Leaf {
  node: LexicalNode;
  start: number;
  length: number;
}

interface Point {
  key: string;
  offset: number;
  type: 'text' | 'element';
}

/** The segment's leaves in reading order, with their plain-text offsets. */
function $leaves(segment: SegmentNode): Leaf[] {
  const leaves: Leaf[] = [];
  let offset = 0;
  let blocks = 0;
  const visitBlock = (block: ElementNode) => {
    if (blocks++ > 0) offset += 1;
    const before = leaves.length;
    const visitInline = (element: ElementNode) => {
      for (const child of element.getChildren()) {
        if ($isElementNode(child)) visitInline(child);
        else {
          const length = $isTextNode(child) ? child.getTextContentSize() : $isLineBreakNode(child) ? 1 : 0;
          leaves.push({ node: child, start: offset, length });
          offset += length;
        }
      }
    };
    visitInline(block);
    if (leaves.length === before) leaves.push({ node: block, start: offset, length: 0 });
  };
  const visit = (element: ElementNode) => {
    const inline: LexicalNode[] = [];
    for (const child of element.getChildren()) {
      if ($isElementNode(child) && !child.isInline()) {
        if (child.getChildren().some((c) => $isElementNode(c) && !c.isInline())) visit(child);
        else visitBlock(child);
      } else inline.push(child);
    }
    // Inline content directly in the segment (not expected, but tolerated) counts as one block.
    if (inline.length > 0 && leaves.length === 0) visitBlock(element);
  };
  visit(segment);
  return leaves;
}

function pointOf(leaf: Leaf, offset: number): Point {
  const { node } = leaf;
  if ($isTextNode(node)) return { key: node.getKey(), offset: offset - leaf.start, type: 'text' };
  if ($isElementNode(node)) return { key: node.getKey(), offset: 0, type: 'element' };
  // A line break: a point before or after it in its parent.
  return { key: node.getParentOrThrow().getKey(), offset: node.getIndexWithinParent() + (offset > leaf.start ? 1 : 0), type: 'element' };
}

/** The point at a plain-text offset; 'after' sticks to the next character, 'before' to the previous. */
export function $pointAt(segment: SegmentNode, offset: number, side: 'after' | 'before'): Point | null {
  const leaves = $leaves(segment);
  const within = (leaf: Leaf) =>
    side === 'after' ? offset >= leaf.start && offset < leaf.start + leaf.length : offset > leaf.start && offset <= leaf.start + leaf.length;
  const leaf = leaves.find((l) => l.length > 0 && within(l)) ?? leaves.find((l) => offset >= l.start && offset <= l.start + l.length);
  return leaf ? pointOf(leaf, offset) : null;
}

/** Selects a plain-text range of a segment; null when the offsets fall outside it. */
export function $selectRange(segment: SegmentNode, start: number, end: number): RangeSelection | null {
  const anchor = $pointAt(segment, start, 'after');
  const focus = $pointAt(segment, end, start === end ? 'after' : 'before');
  if (!anchor || !focus) return null;
  const selection = $createRangeSelection();
  selection.anchor.set(anchor.key, anchor.offset, anchor.type);
  selection.focus.set(focus.key, focus.offset, focus.type);
  $setSelection(selection);
  return selection;
}
