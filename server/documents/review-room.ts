// The review room's state as the server writes it (SPEC 5.4): document facts, sources, statuses,
// and the threads and omitted segments an import brings.
import * as Y from 'yjs';
import { ReviewRoom, type SegmentState, type SegmentStatus } from '../../shared/schema.js';
import { threadsOf, type Thread } from '../../shared/review/types.js';
import { omittedOf } from '../../shared/review/omitted.js';

export interface ReviewSeed {
  title: string;
  sourceLang: string;
  targetLang: string;
  /** A segment without a state starts as a draft (SPEC 5.4); an XLIFF import brings its own. */
  segments: Array<{ id: string; source: string | null; state?: SegmentState; omitted?: boolean }>;
  /** Threads the import brings (an XLIFF file's notes). */
  threads?: Thread[];
}

export function seedReviewRoom(seed: ReviewSeed, now = Date.now()): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    const meta = doc.getMap<string>(ReviewRoom.meta);
    meta.set('title', seed.title);
    meta.set('sourceLang', seed.sourceLang);
    meta.set('targetLang', seed.targetLang);
    const source = doc.getMap<string>(ReviewRoom.source);
    const status = doc.getMap<SegmentStatus>(ReviewRoom.status);
    for (const segment of seed.segments) {
      if (segment.source !== null) source.set(segment.id, segment.source);
      status.set(segment.id, { state: segment.state ?? 'draft', by: null, at: now });
      if (segment.omitted) omittedOf(doc).set(segment.id, { by: null, at: now });
    }
    for (const thread of seed.threads ?? []) threadsOf(doc).set(thread.id, thread);
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

export function readSources(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>(ReviewRoom.source);
}

export function readState(doc: Y.Doc, segmentId: string): SegmentState {
  return doc.getMap<SegmentStatus>(ReviewRoom.status).get(segmentId)?.state ?? 'draft';
}
