// A segment's blocks as the version holds them, and what a segment is made of, for comparing
// (SPEC 16.5): restore rewrites a segment whole only when more than its words differ.
import { $isElementNode, type LexicalNode, type SerializedLexicalNode } from 'lexical';
import { $getSegments } from '../../shared/article.js';
import { openArticle } from '../../shared/headless.js';
import { $getSegmentId, type SegmentNode } from '../../shared/nodes/index.js';

/** A segment of the version: its id and its blocks, serialized with their children. */
export interface VersionSegment {
  id: string;
  blocks: SerializedLexicalNode[];
}

function $serialize(node: LexicalNode): SerializedLexicalNode {
  const json = node.exportJSON();
  if ($isElementNode(node)) (json as SerializedLexicalNode & { children: SerializedLexicalNode[] }).children = node.getChildren().map($serialize);
  return json;
}

/** What a segment is made of, compared: blocks and their kinds, text runs with their formatting. */
export function shape(nodes: readonly SerializedLexicalNode[]): string {
  const out: string[] = [];
  const walk = (node: SerializedLexicalNode & Record<string, any>) => {
    if (typeof node.text === 'string') {
      if (node.text === '') return;
      const run = `T${node.format ?? 0}|${node.style ?? ''}|`;
      if (out.at(-1)?.startsWith(run)) out[out.length - 1] += node.text;
      else out.push(run + node.text);
      return;
    }
    out.push(`<${node.type}:${node.tag ?? ''}:${node.listType ?? ''}:${node.url ?? ''}`);
    for (const child of node.children ?? []) walk(child);
    out.push('>');
  };
  nodes.forEach(walk);
  return JSON.stringify(out);
}

export function $shapeOf(segment: SegmentNode): string {
  return shape(segment.getChildren().map($serialize));
}

export function versionSegments(state: Uint8Array): VersionSegment[] {
  const article = openArticle(state);
  try {
    return article.read(() => $getSegments().map((s) => ({ id: $getSegmentId(s), blocks: s.getChildren().map($serialize) })));
  } finally {
    article.dispose();
  }
}
