// What a restore sets in the review room (SPEC 16.5): each segment it changed or brought back takes
// its status (by the restorer), source and omitted flag of the version; a removed segment's records
// go with it; who changed a segment brought back is the restorer (SPEC 16.9).
import { ReviewRoom, type SegmentMark, type SegmentStatus } from '../../shared/schema.js';
import type { Actor, Rooms } from '../review/context.js';
import type { StoredVersion } from '../storage/versions.js';
import { docOf } from './states.js';

export async function restoreRecords(review: Rooms['review'], version: StoredVersion, restored: string[], added: string[], removed: string[], actor: Actor) {
  if (restored.length === 0 && removed.length === 0) return;
  const old = docOf(version.review);
  try {
    await review.write((doc) => {
      const statuses = doc.getMap<SegmentStatus>(ReviewRoom.status);
      const sources = doc.getMap<string>(ReviewRoom.source);
      const omitted = doc.getMap<SegmentMark>(ReviewRoom.omitted);
      const thenStatuses = old.getMap<SegmentStatus>(ReviewRoom.status);
      const thenSources = old.getMap<string>(ReviewRoom.source);
      const thenOmitted = old.getMap<SegmentMark>(ReviewRoom.omitted);
      for (const id of restored) {
        const state = thenStatuses.get(id)?.state ?? 'draft';
        if (statuses.get(id)?.state !== state) statuses.set(id, { state, by: actor.name, at: Date.now() });
        const source = thenSources.get(id);
        if (source === undefined) sources.delete(id);
        else if (sources.get(id) !== source) sources.set(id, source);
        const mark = thenOmitted.get(id);
        if (!mark) omitted.delete(id);
        else if (!omitted.has(id)) omitted.set(id, { by: actor.name, at: Date.now() });
      }
      // Who changed a segment brought back: the restorer (the content observer sees only the root change).
      const changed = doc.getMap(ReviewRoom.changed);
      for (const id of added) changed.set(id, { by: actor.name, role: actor.role, at: Date.now() });
      for (const id of removed) {
        statuses.delete(id);
        sources.delete(id);
        omitted.delete(id);
        changed.delete(id);
      }
    });
  } finally {
    old.destroy();
  }
}
