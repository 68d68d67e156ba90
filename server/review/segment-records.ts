// What a split or a merge reads and writes of a segment's own records in the review room: its
// status and its omitted flag.
import type * as Y from 'yjs';
import { ReviewRoom, SEGMENT_STATES, type SegmentState, type SegmentStatus } from '../../shared/schema.js';
import { findSegment, segmentTypes, segmentIdOf } from '../../shared/review/text-map.js';
import { newId } from '../../shared/ids.js';
import { notFound } from '../../shared/api-error.js';

export const statusesOf = (doc: Y.Doc) => doc.getMap<SegmentStatus>(ReviewRoom.status);

/**
 * The status of a segment whose text a split or merge changed: the given state, except that a
 * reviewed or approved one goes back to translated, as after any change to its text (SPEC 11.6).
 */
export function changedStatus(state: SegmentState, by: string, current?: SegmentStatus): SegmentStatus {
  if (state === 'reviewed' || state === 'approved') return { state: 'translated', by, at: Date.now() };
  return current?.state === state ? current : { state, by, at: Date.now() };
}

/** The least advanced of two states. */
export const lesserState = (a: SegmentState, b: SegmentState): SegmentState =>
  SEGMENT_STATES.indexOf(a) <= SEGMENT_STATES.indexOf(b) ? a : b;

/** The segment's Y type, or 404. */
export function existingSegment(content: Y.Doc, segmentId: string): Y.XmlText {
  const type = findSegment(content, segmentId);
  if (!type) throw notFound(`no segment ${segmentId} in this document`);
  return type;
}

/** A segment id no segment of the article has. */
export function freshSegmentId(content: Y.Doc): string {
  const taken = new Set(segmentTypes(content).map(segmentIdOf));
  let id = newId();
  while (taken.has(id)) id = newId();
  return id;
}
