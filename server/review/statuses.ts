// Segment statuses (SPEC 11): draft → translated → reviewed → approved. Reviewers may mark a segment
// reviewed; editors may set any state.
import { ReviewRoom, type SegmentState, type SegmentStatus } from '../../shared/schema.js';
import { findSegment } from '../../shared/review/text-map.js';
import { forbidden, notFound } from '../../shared/api-error.js';
import type { Actor, Rooms } from './context.js';

export async function setStatus({ content, review }: Rooms, actor: Actor, segmentId: string, state: SegmentState) {
  if (!findSegment(content.doc, segmentId)) throw notFound(`no segment ${segmentId} in this document`);
  if (actor.role === 'reviewer' && state !== 'reviewed') throw forbidden('a reviewer may only mark a segment reviewed');
  const status: SegmentStatus = { state, by: actor.name, at: Date.now() };
  await review.write((doc) => doc.getMap<SegmentStatus>(ReviewRoom.status).set(segmentId, status));
  return { segmentId, ...status };
}
