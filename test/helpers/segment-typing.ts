// Typing into a content room straight through Yjs, as small as a keystroke and shaped as Lexical's
// binding shapes it: text appended to (or deleted from) the end of a segment's last text block.
import * as Y from 'yjs';
import { segmentTypes } from '../../shared/review/text-map.js';

/** The segment's last block whose content ends in text, and that text's length. */
export function lastTextBlock(doc: Y.Doc, segment: number): { block: Y.XmlText; tail: number } | null {
  const segments = segmentTypes(doc);
  const type = segments[segment % Math.max(segments.length, 1)];
  if (!type) return null;
  const blocks = (type.toDelta() as Array<{ insert: unknown }>).map((op) => op.insert).filter((b): b is Y.XmlText => b instanceof Y.XmlText);
  for (const block of blocks.reverse()) {
    const last = (block.toDelta() as Array<{ insert: unknown }>).at(-1)?.insert;
    if (typeof last === 'string') return { block, tail: last.length };
  }
  return null;
}

/** Appends `text` to the end of the segment's last text block; false when it has none. */
export function typeInSegment(doc: Y.Doc, segment: number, text: string): boolean {
  const found = lastTextBlock(doc, segment);
  if (!found) return false;
  found.block.insert(found.block.length, text);
  return true;
}

/** Deletes up to `count` characters at the end of that block, always leaving one. */
export function deleteInSegment(doc: Y.Doc, segment: number, count: number): boolean {
  const found = lastTextBlock(doc, segment);
  const n = Math.min(count, (found?.tail ?? 0) - 1);
  if (!found || n <= 0) return false;
  found.block.delete(found.block.length - n, n);
  return true;
}
