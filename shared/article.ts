// Reading and writing an article's segments; call inside an editor's read or update.
import {
  $getRoot,
  $isElementNode,
  $parseSerializedNode,
  type ElementNode,
  type LexicalNode,
  type SerializedLexicalNode,
} from 'lexical';
import { $createSegmentNode, $getSegmentId, $isSegmentNode, type SegmentNode } from './nodes/index.js';

export interface SegmentText {
  id: string;
  text: string;
}

/** A segment to write: its id and its blocks as serialized Lexical nodes (with their children). */
export interface SegmentBlocks {
  id: string;
  blocks: SerializedLexicalNode[];
}

/** The inline nodes of each block under an element: paragraphs, headings, quotes and each list item. */
export function $blockInlines(element: ElementNode, blocks: LexicalNode[][] = []): LexicalNode[][] {
  let inline: LexicalNode[] | null = null;
  for (const child of element.getChildren()) {
    if ($isElementNode(child) && !child.isInline()) {
      if (inline !== null) blocks.push(inline);
      inline = null;
      const before = blocks.length;
      $blockInlines(child, blocks);
      // An empty block element is still a block.
      if (blocks.length === before) blocks.push([]);
    } else (inline ??= []).push(child);
  }
  if (inline !== null) blocks.push(inline);
  return blocks;
}

/** The text of each block under an element. */
export function $blockTexts(element: ElementNode): string[] {
  return $blockInlines(element).map((inlines) => inlines.map((node) => node.getTextContent()).join(''));
}

/** SPEC 5.2: blocks joined by "\n"; a line break is "\n" too. */
export function $getSegmentText(segment: SegmentNode): string {
  return $blockTexts(segment).join('\n');
}

export function $getSegments(): SegmentNode[] {
  return $getRoot().getChildren().filter($isSegmentNode);
}

export function $readSegments(): SegmentText[] {
  return $getSegments().map((segment) => ({ id: $getSegmentId(segment), text: $getSegmentText(segment) }));
}

/** Replaces the whole root with the given segments. */
export function $writeSegments(segments: readonly SegmentBlocks[]): void {
  const root = $getRoot();
  root.clear();
  for (const { id, blocks } of segments) {
    const segment = $createSegmentNode(id);
    segment.append(...blocks.map((block) => $parseSerializedNode(block)));
    root.append(segment);
  }
}
