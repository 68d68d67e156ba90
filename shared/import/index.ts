// Parses an import (source and/or target) into aligned segments, ready to seed a content room.
import { createHeadlessEditor } from '@lexical/headless';
import {
  $createParagraphNode,
  $getRoot,
  type LexicalNode,
  type SerializedElementNode,
  type SerializedLexicalNode,
} from 'lexical';
import { $readSegments } from '../article.js';
import { newId } from '../ids.js';
import { $createSegmentNode, ARTICLE_NAMESPACE, ARTICLE_NODES } from '../nodes/index.js';
import { $parseMarkdownBlocks } from './markdown.js';
import { $createTextBlock, splitTextBlocks } from './text.js';

export const IMPORT_FORMATS = ['text', 'txt', 'markdown', 'md'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export type ImportErrorCode = 'bad_format' | 'empty' | 'count_mismatch';

export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface ImportInput {
  format: ImportFormat | string;
  source?: string | null;
  target?: string | null;
}

export interface ImportedSegment {
  id: string;
  /** The source block's plain text (markup removed), or null when no source was given. */
  source: string | null;
  /** The target's blocks as serialized Lexical nodes; one empty paragraph when no target was given. */
  target: SerializedLexicalNode[];
}

export interface ParsedImport {
  segments: ImportedSegment[];
  /** SPEC 6.3: the first segment's text, on one line; the default title. */
  headline: string;
}

interface Side {
  texts: string[];
  blocks: SerializedLexicalNode[][];
}

/** Builds segments' blocks in a scratch editor and reads them back as JSON and plain text. */
function buildSide(build: () => LexicalNode[][]): Side {
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

function parseSide(input: string, markdown: boolean): Side {
  return buildSide(() =>
    markdown
      ? $parseMarkdownBlocks(input).map((node) => [node])
      : splitTextBlocks(input).map((text) => [$createTextBlock(text)]),
  );
}

function isBlank(text: string | null | undefined): text is null | undefined | '' {
  return text == null || text.trim() === '';
}

export function parseImport({ format, source, target }: ImportInput): ParsedImport {
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) {
    throw new ImportError('bad_format', `unknown import format "${format}" (use text or markdown)`);
  }
  const markdown = format === 'markdown' || format === 'md';
  // A blank field counts as absent.
  const src = isBlank(source) ? null : parseSide(source, markdown);
  const tgt = isBlank(target) ? null : parseSide(target, markdown);
  const count = tgt?.blocks.length ?? src?.blocks.length ?? 0;
  if (count === 0) throw new ImportError('empty', 'nothing to import: source and target are empty');
  if (src && tgt && src.blocks.length !== tgt.blocks.length) {
    throw new ImportError(
      'count_mismatch',
      `source has ${src.blocks.length} blocks but target has ${tgt.blocks.length}`,
    );
  }
  // Without a target, editors translate from scratch in one empty paragraph per segment.
  const empty = tgt ? [] : buildSide(() => [[$createParagraphNode()]]).blocks[0];
  const segments = Array.from({ length: count }, (_, i) => ({
    id: newId(),
    source: src ? src.texts[i] : null,
    target: tgt ? tgt.blocks[i] : structuredClone(empty),
  }));
  const headline = (tgt?.texts[0] || src?.texts[0] || '').replace(/\s+/g, ' ').trim();
  return { segments, headline };
}
