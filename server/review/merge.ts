// Merging a segment with the next (SPEC 11.11, editors): the next segment's blocks move into this
// one through headless Lexical, in one update, and the next segment's id is retired; sources join,
// the status is the lesser of the two, the omitted flag stays only if both were omitted, and the
// next segment's suggestions, threads and ignored QA issues move over, in the same stored group.
import { $mergeSegments } from '../../shared/segment-structure.js';
import { omittedOf } from '../../shared/review/omitted.js';
import { mapSegment, segmentIdOf, segmentTypes } from '../../shared/review/text-map.js';
import { badRequest } from '../../shared/api-error.js';
import { $segmentOf, editContent } from './apply-text.js';
import type { Actor, Rooms } from './context.js';
import { recordsOf, rehome, type Relocation } from './rehome.js';
import { recordingMoves } from './stranded.js';
import { changedStatus, existingSegment, lesserState, statusesOf } from './segment-records.js';
import { readSources, readState } from '../documents/review-room.js';

export async function mergeWithNext(rooms: Rooms, actor: Actor, segmentId: string) {
  const { content, review } = rooms;
  const types = segmentTypes(content.doc);
  const type = existingSegment(content.doc, segmentId);
  const following = types[types.indexOf(type) + 1];
  if (!following) throw badRequest('the last segment has no next segment to merge with', 'no_next_segment');
  const nextId = segmentIdOf(following)!;
  const nextText = mapSegment(following).text;

  const records = recordsOf(content.doc, review.doc, new Set([segmentId, nextId]));
  recordingMoves(content.doc, () => editContent(content, () => $mergeSegments($segmentOf(segmentId), $segmentOf(nextId))));
  const merged = mapSegment(existingSegment(content.doc, segmentId)).text;
  // The next segment's text ends the merged one.
  const shift = merged.length - nextText.length;
  const relocation: Relocation = {
    range: (from, range) => ({ segmentId, range: from === nextId ? { start: range.start + shift, end: range.end + shift } : range, cut: false }),
    ignored: () => segmentId,
    fallback: () => segmentId,
  };

  const sources = readSources(review.doc);
  const source = [sources.get(segmentId), sources.get(nextId)].filter((s) => s !== undefined && s !== '').join('\n');
  const state = lesserState(readState(review.doc, segmentId), readState(review.doc, nextId));
  const written = review.write((doc) => {
    const statuses = statusesOf(doc);
    statuses.set(segmentId, changedStatus(state, actor.name, statuses.get(segmentId)));
    statuses.delete(nextId);
    if (source === '') readSources(doc).delete(segmentId);
    else readSources(doc).set(segmentId, source);
    readSources(doc).delete(nextId);
    const omitted = omittedOf(doc);
    if (!omitted.has(nextId)) omitted.delete(segmentId);
    omitted.delete(nextId);
    rehome(content.doc, doc, records, relocation);
  });
  await Promise.all([written, content.settled()]);
  return {
    segment: { id: segmentId, source: source === '' ? null : source, target: merged, status: statusesOf(review.doc).get(segmentId)!.state },
    retired: nextId,
  };
}
