// Segment statuses (SPEC 11): draft → translated → reviewed → approved. Reviewers may mark a segment
// reviewed; editors may set any state. A Reviewed or Approved mark also records the version that
// holds the text it was made on, in `reviewedIn` beside the status (SPEC 16.16).
import { ReviewRoom, type SegmentState, type SegmentStatus } from '../../shared/schema.js';
import { findSegment } from '../../shared/review/text-map.js';
import { forbidden, notFound } from '../../shared/api-error.js';
import type { Store } from '../storage/store.js';
import { versionHoldingNow, type ReviewedIn } from '../history/reviewed.js';
import type { Actor, Rooms } from './context.js';

export async function setStatus(store: Store, rooms: Rooms, actor: Actor, segmentId: string, state: SegmentState) {
  if (!findSegment(rooms.content.doc, segmentId)) throw notFound(`no segment ${segmentId} in this document`);
  if (actor.role === 'reviewer' && state !== 'reviewed') throw forbidden('a reviewer may only mark a segment reviewed');
  const reviewed = state === 'reviewed' || state === 'approved';
  const versionId = reviewed ? await versionHoldingNow(store, rooms) : null;
  const status: SegmentStatus = { state, by: actor.name, at: Date.now() };
  await rooms.review.write((doc) => {
    doc.getMap<SegmentStatus>(ReviewRoom.status).set(segmentId, status);
    if (versionId) doc.getMap<ReviewedIn>(ReviewRoom.reviewedIn).set(segmentId, { versionId, by: actor.name, at: status.at });
  });
  return { segmentId, ...status };
}
