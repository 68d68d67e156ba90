// Splitting a segment in two (SPEC 11.10, editors): the content room's segment node is split at a
// plain-text offset through headless Lexical, in one update, the second half becoming a new segment
// right after it; its source splits at `sourceAt` or stays whole with the first half. Statuses,
// the omitted flag, suggestions, threads and ignored QA issues follow, in the same stored group.
import { $splitSegment } from '../../shared/segment-structure.js';
import { omittedOf } from '../../shared/review/omitted.js';
import { mapSegment } from '../../shared/review/text-map.js';
import { badRequest } from '../../shared/api-error.js';
import { $segmentOf, editContent } from './apply-text.js';
import type { Actor, Rooms } from './context.js';
import { recordsOf, rehome, type Relocation } from './rehome.js';
import { changedStatus, existingSegment, freshSegmentId, statusesOf } from './segment-records.js';
import { textOffset } from './target-range.js';
import { recordingMoves } from './stranded.js';
import { readSources, readState } from '../documents/review-room.js';

export interface SplitInput {
  /** Where the translation splits: a UTF-16 offset into the segment's plain text. */
  at: number;
  /** Where its source splits; without it the source stays whole with the first half. */
  sourceAt?: number;
}

/** The source's two halves, each trimmed at the seam; null where a half has none. */
function splitSource(source: string | null, sourceAt: number | undefined): [string | null, string | null] {
  if (sourceAt === undefined) return [source, null];
  if (source === null) throw badRequest('this segment has no source to split', 'no_source');
  textOffset(source, sourceAt, 'source');
  const part = (text: string) => (text === '' ? null : text);
  return [part(source.slice(0, sourceAt).trimEnd()), part(source.slice(sourceAt).trimStart())];
}

export async function splitSegment(rooms: Rooms, actor: Actor, segmentId: string, input: SplitInput) {
  const { content, review } = rooms;
  const text = mapSegment(existingSegment(content.doc, segmentId)).text;
  const at = textOffset(text, input.at, 'segment');
  const [firstSource, secondSource] = splitSource(readSources(review.doc).get(segmentId) ?? null, input.sourceAt);
  // Each half keeps some translation, or, when the source splits too, some source.
  const holds = (target: string, source: string | null) => target.trim() !== '' || (input.sourceAt !== undefined && source !== null);
  if (!holds(text.slice(0, at), firstSource) || !holds(text.slice(at), secondSource)) {
    throw badRequest('a split leaves translation (or, splitting the source too, source) on each side', 'empty_half');
  }

  const records = recordsOf(content.doc, review.doc, new Set([segmentId]));
  const newId = freshSegmentId(content.doc);
  recordingMoves(content.doc, () => editContent(content, () => void $splitSegment($segmentOf(segmentId), at, newId)));
  const first = mapSegment(existingSegment(content.doc, segmentId)).text;
  const second = mapSegment(existingSegment(content.doc, newId)).text;
  // The first half's text begins the old text, the second's ends it (only the seam was trimmed).
  const shift = text.length - second.length;
  const relocation: Relocation = {
    range: (_, { start, end }) => {
      if (start >= at) return { segmentId: newId, range: { start: Math.max(start - shift, 0), end: Math.max(end - shift, 0) }, cut: false };
      const clip = (offset: number) => Math.min(offset, first.length);
      // Cut when more than the seam's spaces of it went to the second half.
      return { segmentId, range: { start: clip(start), end: clip(Math.min(end, at)) }, cut: end > shift };
    },
    ignored: (issue) => (issue.text !== '' && !first.includes(issue.text) && second.includes(issue.text) ? newId : segmentId),
    fallback: () => segmentId,
  };

  const state = readState(review.doc, segmentId);
  const written = review.write((doc) => {
    const statuses = statusesOf(doc);
    statuses.set(segmentId, changedStatus(state, actor.name, statuses.get(segmentId)));
    statuses.set(newId, changedStatus(state, actor.name));
    const sources = readSources(doc);
    for (const [id, source] of [[segmentId, firstSource], [newId, secondSource]] as const) {
      if (source === null) sources.delete(id);
      else sources.set(id, source);
    }
    const omitted = omittedOf(doc).get(segmentId);
    if (omitted) omittedOf(doc).set(newId, omitted);
    rehome(content.doc, doc, records, relocation);
  });
  await Promise.all([written, content.settled()]);
  const status = (id: string) => statusesOf(review.doc).get(id)!.state;
  return {
    segments: [
      { id: segmentId, source: firstSource, target: first, status: status(segmentId) },
      { id: newId, source: secondSource, target: second, status: status(newId) },
    ],
  };
}
