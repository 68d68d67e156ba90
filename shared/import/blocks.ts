// Builds segments' blocks in a scratch editor and reads them back as JSON and plain text.
import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot, type LexicalNode, type SerializedElementNode, type SerializedLexicalNode } from 'lexical';
import { $readSegments } from '../article.js';
import { $createSegmentNode, ARTICLE_NAMESPACE, ARTICLE_NODES } from '../nodes/index.js';

export interface BuiltSegments {
  /** Each segment's plain text (SPEC 5.2). */
  texts: string[];
  /** Each segment's blocks as serialized Lexical nodes. */
  blocks: SerializedLexicalNode[][];
}

/** `build` returns one group of top-level blocks per segment. */
export function buildSegments(build: () => LexicalNode[][]): BuiltSegments {
  const editor = createHeadlessEditor({
    namespace: ARTICLE_NAMESPACE,
    nodes: [...ARTICLE_NODES],
    onError: (error) => {
      throw error;
    },
  });
  let texts: string[] = [];
  editor.update(
    () => {
      for (const group of build()) $getRoot().append($createSegmentNode('').append(...group));
      texts = $readSegments().map((segment) => segment.text);
    },
    { discrete: true },
  );
  const segments = editor.getEditorState().toJSON().root.children as SerializedElementNode[];
  return { texts, blocks: segments.map((segment) => segment.children) };
}
