// An article's state as history compares it: both rooms' full state, from the live rooms or a
// stored version, and the segments' plain text read straight from Yjs (no Lexical needed).
import * as Y from 'yjs';
import type { SegmentText } from '../../shared/diff/segments.js';
import { mapSegment, segmentIdOf, segmentTypes } from '../../shared/review/text-map.js';
import type { RoomRegistry } from '../collab/registry.js';

export interface ArticleState {
  content: Uint8Array;
  review: Uint8Array;
}

/** The live rooms' full state (every change the server applied). */
export function liveState(rooms: RoomRegistry, docId: string): Promise<ArticleState> {
  return rooms.with(docId, 'content', (content) =>
    rooms.with(docId, 'review', (review) => ({
      content: Y.encodeStateAsUpdate(content.doc),
      review: Y.encodeStateAsUpdate(review.doc),
    })),
  );
}

/** Each segment's id and plain text, in order, of a content room's state or doc. */
export function segmentTexts(content: Uint8Array | Y.Doc): SegmentText[] {
  const doc = content instanceof Y.Doc ? content : new Y.Doc();
  if (!(content instanceof Y.Doc)) Y.applyUpdate(doc, content);
  try {
    return segmentTypes(doc).map((type) => ({ id: segmentIdOf(type)!, text: mapSegment(type).text }));
  } finally {
    if (doc !== content) doc.destroy();
  }
}

/** A fresh doc holding a stored state; the caller destroys it. */
export function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}
