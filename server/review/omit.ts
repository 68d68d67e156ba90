// Omitting a segment and restoring it (editors): a flag in the review room, live for everyone.
import { omittedOf } from '../../shared/review/omitted.js';
import { findSegment } from '../../shared/review/text-map.js';
import { notFound } from '../../shared/api-error.js';
import type { Actor, Rooms } from './context.js';

export async function setOmitted({ content, review }: Rooms, actor: Actor, segmentId: string, omitted: boolean) {
  if (!findSegment(content.doc, segmentId)) throw notFound(`no segment ${segmentId} in this document`);
  const mark = { by: actor.name, at: Date.now() };
  await review.write((doc) => (omitted ? omittedOf(doc).set(segmentId, mark) : omittedOf(doc).delete(segmentId)));
  return { segmentId, omitted, ...(omitted ? mark : {}) };
}
