// A segment's plain text read straight from the content room's Yjs structure (no Lexical needed),
// with a map between plain-text offsets and positions in the Y.XmlText that holds each character.
// It follows SPEC 5.2 exactly as shared/article.ts does: blocks joined by "\n", a line break "\n".
import * as Y from 'yjs';
import { CONTENT_ROOT } from '../schema.js';

/** Lexical element types that flow inside a block rather than forming one. */
const INLINE_ELEMENTS = new Set(['link', 'autolink']);

/** A stretch of plain text held by one Y.XmlText from `index` on (a line break is one unit). */
export interface TextRun {
  type: Y.XmlText;
  index: number;
  start: number;
  length: number;
}

export interface SegmentTextMap {
  segmentId: string;
  /** The segment's own Y.XmlText (a child of the root). */
  type: Y.XmlText;
  text: string;
  /** Every stretch of text in order; each block contributes at least an empty run. */
  runs: TextRun[];
}

export function segmentIdOf(type: Y.XmlText): string | null {
  if (type.getAttribute('__type') !== 'segment') return null;
  const state = type.getAttribute('__state') as unknown;
  const id = state instanceof Y.Map ? state.get('segmentId') : (state as Record<string, unknown> | undefined)?.segmentId;
  return typeof id === 'string' ? id : null;
}

export function segmentTypes(doc: Y.Doc): Y.XmlText[] {
  const root = doc.get(CONTENT_ROOT, Y.XmlText);
  const segments: Y.XmlText[] = [];
  for (const op of root.toDelta() as Array<{ insert: unknown }>) {
    if (op.insert instanceof Y.XmlText && segmentIdOf(op.insert) !== null) segments.push(op.insert);
  }
  return segments;
}

export function findSegment(doc: Y.Doc, segmentId: string): Y.XmlText | null {
  return segmentTypes(doc).find((type) => segmentIdOf(type) === segmentId) ?? null;
}

/** The top-level segment a type belongs to, if any (for observers of the content room). */
export function enclosingSegment(type: Y.AbstractType<any>, root: Y.AbstractType<any>): Y.XmlText | null {
  let current: Y.AbstractType<any> | null = type;
  while (current && current._item) {
    const parent = current._item.parent as Y.AbstractType<any>;
    if (parent === root) return current instanceof Y.XmlText ? current : null;
    current = parent;
  }
  return null;
}

export function mapSegment(type: Y.XmlText): SegmentTextMap {
  const runs: TextRun[] = [];
  let text = '';
  let blocks = 0;

  const startBlock = () => {
    if (blocks++ > 0) text += '\n';
  };
  // Walks an element's children; `inBlock` tells whether text here joins the current block.
  const walk = (element: Y.XmlText, inBlock: boolean) => {
    let index = 0;
    let open = inBlock;
    const ensureBlock = () => {
      if (!open) {
        startBlock();
        open = true;
      }
    };
    for (const op of element.toDelta() as Array<{ insert: unknown }>) {
      const insert = op.insert;
      if (typeof insert === 'string') {
        ensureBlock();
        runs.push({ type: element, index, start: text.length, length: insert.length });
        text += insert;
        index += insert.length;
        continue;
      }
      if (insert instanceof Y.XmlText) {
        if (INLINE_ELEMENTS.has(String(insert.getAttribute('__type')))) {
          ensureBlock();
          walk(insert, true);
        } else {
          open = false;
          const runsBefore = runs.length;
          walk(insert, false);
          // An empty block still counts as one (an empty line in the plain text).
          if (runs.length === runsBefore) {
            startBlock();
            runs.push({ type: insert, index: 0, start: text.length, length: 0 });
          }
        }
      } else if (insert instanceof Y.Map && insert.get('__type') === 'linebreak') {
        ensureBlock();
        runs.push({ type: element, index, start: text.length, length: 1 });
        text += '\n';
      }
      index += 1;
    }
  };
  walk(type, false);
  return { segmentId: segmentIdOf(type) ?? '', type, text, runs };
}

/**
 * The Yjs position of a plain-text offset. `side` says which character the position belongs to:
 * 'after' the offset (a range's start) or 'before' it (a range's end).
 */
export function positionAt(map: SegmentTextMap, offset: number, side: 'after' | 'before'): { type: Y.XmlText; index: number } | null {
  const inside = (run: TextRun) =>
    side === 'after' ? offset >= run.start && offset < run.start + run.length : offset > run.start && offset <= run.start + run.length;
  const run =
    map.runs.find((r) => r.length > 0 && inside(r)) ??
    map.runs.find((r) => offset >= r.start && offset <= r.start + r.length);
  return run ? { type: run.type, index: run.index + (offset - run.start) } : null;
}

/** The plain-text offset of a Yjs position inside this segment, or null if it lies elsewhere. */
export function offsetAt(map: SegmentTextMap, type: Y.AbstractType<unknown>, index: number): number | null {
  let best: number | null = null;
  for (const run of map.runs) {
    if (run.type !== type || index < run.index) continue;
    if (index <= run.index + run.length) return run.start + (index - run.index);
    // Past this run's end but before the next run of the same type: snap to the run's end.
    best = run.start + run.length;
  }
  return best;
}
