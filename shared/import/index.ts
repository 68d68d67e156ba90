// Parses an import (source and/or target) into aligned segments, ready to seed a content room.
import { $createParagraphNode } from 'lexical';
import { newId } from '../ids.js';
import { buildSegments, type BuiltSegments } from './blocks.js';
import { ImportError } from './errors.js';
import { $parseMarkdownBlocks } from './markdown.js';
import { pairedSegments, type Alignment, type AlignRequest } from './pairing.js';
import type { ImportedSegment } from './segment.js';
import { $createTextBlock, splitTextBlocks } from './text.js';
import { IMPORT_FORMATS, type ImportFormat } from './formats.js';

export { IMPORT_FORMATS, type ImportFormat };
export { ImportError, type ImportErrorCode } from './errors.js';
export type { ImportedSegment } from './segment.js';

export interface ImportInput {
  format: ImportFormat | string;
  source?: string | null;
  target?: string | null;
  /** Pair the blocks by their text rather than by position (SPEC 6.5, 6.6). */
  align?: AlignRequest;
  /** The languages, which the aligner reads numbers and names by. */
  sourceLang?: string;
  targetLang?: string;
}

export interface ParsedImport {
  segments: ImportedSegment[];
  /** SPEC 6.3: the first segment's text, on one line; the default title. */
  headline: string;
  /** What the file itself says (XLIFF): the defaults for the request's fields. */
  title?: string;
  sourceLang?: string;
  targetLang?: string;
  /** How the blocks were paired, when an alignment was asked for (SPEC 6.5, 6.6). */
  alignment?: Alignment;
}

function parseSide(input: string, markdown: boolean): BuiltSegments {
  return buildSegments(() =>
    markdown
      ? $parseMarkdownBlocks(input).map((node) => [node])
      : splitTextBlocks(input).map((text) => [$createTextBlock(text)]),
  );
}

function isBlank(text: string | null | undefined): text is null | undefined | '' {
  return text == null || text.trim() === '';
}

export function parseImport({ format, source, target, align, sourceLang, targetLang }: ImportInput): ParsedImport {
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) {
    throw new ImportError('bad_format', `unknown import format "${format}" (use text or markdown)`);
  }
  const markdown = format === 'markdown' || format === 'md';
  // A blank field counts as absent.
  const src = isBlank(source) ? null : parseSide(source, markdown);
  const tgt = isBlank(target) ? null : parseSide(target, markdown);
  const count = tgt?.blocks.length ?? src?.blocks.length ?? 0;
  if (count === 0) throw new ImportError('empty', 'nothing to import: source and target are empty');
  const headline = (tgt?.texts[0] || src?.texts[0] || '').replace(/\s+/g, ' ').trim();
  if (src && tgt) return { ...pairedSegments(src.texts, tgt, { sourceLang, targetLang }, align), headline };
  // Without a target, editors translate from scratch in one empty paragraph per segment.
  const empty = tgt ? [] : buildSegments(() => [[$createParagraphNode()]]).blocks[0];
  const segments = Array.from({ length: count }, (_, i) => ({
    id: newId(),
    source: src ? src.texts[i] : null,
    target: tgt ? tgt.blocks[i] : structuredClone(empty),
  }));
  return { segments, headline };
}
