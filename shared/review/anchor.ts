// Anchors: a range of a segment's plain text held as Yjs relative positions (which follow concurrent
// edits) plus the quoted text and a little context (to find the range again when a formatting change
// collapsed the positions). Works on the content room's Y.Doc alone.
import * as Y from 'yjs';
import { graphemesAround } from '../graphemes.js';
import { findSegment, mapSegment, offsetAt, positionAt, type SegmentTextMap } from './text-map.js';
import type { Anchor, Quote } from './types.js';

const CONTEXT_GRAPHEMES = 12;

export interface TextRange {
  start: number;
  end: number;
}

export function quoteOf(text: string, { start, end }: TextRange): Quote {
  return {
    exact: text.slice(start, end),
    prefix: graphemesAround(text, start, CONTEXT_GRAPHEMES, 'before'),
    suffix: graphemesAround(text, end, CONTEXT_GRAPHEMES, 'after'),
  };
}

/** Anchors a range of a segment; null when the segment is not in the document. */
export function createAnchor(doc: Y.Doc, segmentId: string, range: TextRange): { anchor: Anchor; quote: Quote } | null {
  const type = findSegment(doc, segmentId);
  if (!type) return null;
  const map = mapSegment(type);
  const start = positionAt(map, range.start, 'after');
  const end = positionAt(map, range.end, range.end === range.start ? 'after' : 'before');
  if (!start || !end) return null;
  const relative = (p: { type: Y.XmlText; index: number }, assoc: number) =>
    Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(p.type, p.index, assoc)) as Record<string, unknown>;
  return {
    anchor: { start: relative(start, 0), end: relative(end, range.end === range.start ? 0 : -1) },
    quote: quoteOf(map.text, range),
  };
}

export type Resolved =
  /** The anchor still covers its quoted text (or an insertion point still exists). */
  | { state: 'exact'; range: TextRange; text: string }
  /** The positions collapsed, but the quote was found once again: here. */
  | { state: 'moved'; range: TextRange; text: string }
  /** The text the anchor covered was rewritten, or the segment is gone. */
  | { state: 'stale'; text: string | null };

function absolute(doc: Y.Doc, json: Record<string, unknown>) {
  return Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), doc);
}

function resolveOffsets(doc: Y.Doc, map: SegmentTextMap, anchor: Anchor): TextRange | null {
  const start = absolute(doc, anchor.start);
  const end = absolute(doc, anchor.end);
  if (!start || !end) return null;
  const from = offsetAt(map, start.type, start.index);
  const to = offsetAt(map, end.type, end.index);
  return from === null || to === null || to < from ? null : { start: from, end: to };
}

/** Every place the quoted text stands, with its context and without it. */
function findQuote(text: string, quote: Quote): { withContext: TextRange[]; bare: TextRange[] } {
  const hits = (needle: string, lead: number) => {
    const found: TextRange[] = [];
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
      found.push({ start: at + lead, end: at + lead + quote.exact.length });
    }
    return found;
  };
  return { withContext: hits(quote.prefix + quote.exact + quote.suffix, quote.prefix.length), bare: hits(quote.exact, 0) };
}

export function resolveAnchor(doc: Y.Doc, segmentId: string, anchor: Anchor, quote: Quote): Resolved {
  const type = findSegment(doc, segmentId);
  if (!type) return { state: 'stale', text: null };
  const map = mapSegment(type);
  const range = resolveOffsets(doc, map, anchor);
  if (range && map.text.slice(range.start, range.end) === quote.exact) return { state: 'exact', range, text: map.text };
  if (quote.exact === '') return { state: 'stale', text: map.text };
  // Found again with its context, it is the same text; bare, only if the positions merely collapsed.
  const { withContext, bare } = findQuote(map.text, quote);
  if (withContext.length === 1) return { state: 'moved', range: withContext[0], text: map.text };
  const collapsed = !range || range.start === range.end;
  if (collapsed && withContext.length === 0 && bare.length === 1) return { state: 'moved', range: bare[0], text: map.text };
  return { state: 'stale', text: map.text };
}
