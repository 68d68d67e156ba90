// The memory's matches for one segment (SPEC 18.3): its source looked up in the article's pair, the
// segment's own unit left out; a 100 % match whose unit followed the same source as this segment's
// previous one is a context match (a flag; the score stays 100 and such matches come first). Each
// carries the word diff that turns the unit's source into this segment's (shared/diff/words.ts).
import { ReviewRoom } from '../../shared/schema.js';
import { findSegment } from '../../shared/review/text-map.js';
import { notFound } from '../../shared/api-error.js';
import { diffWords } from '../../shared/diff/words.js';
import type { MemoryMatch } from '../../shared/memory-answers.js';
import type { RoomRegistry } from '../collab/registry.js';
import type { DocumentRecord } from '../storage/store.js';
import { withRooms } from '../review/context.js';
import { previousSegments } from './writer.js';
import { normalise } from './normalize.js';
import { STATUS_RANK, type MemoryStore, type ScoredUnit } from './memory-store.js';

export const MAX_MATCHES = 5;

/** A segment's source and the source before it, read from the article's rooms. */
async function readSource(rooms: RoomRegistry, docId: string, segmentId: string) {
  return withRooms(rooms, docId, ({ content, review }) => {
    if (!findSegment(content.doc, segmentId)) throw notFound(`no segment ${segmentId} in this document`);
    const sources = review.doc.getMap<string>(ReviewRoom.source);
    const before = previousSegments(content.doc).get(segmentId);
    return { source: sources.get(segmentId) ?? null, previous: (before && sources.get(before)) || null };
  });
}

export async function segmentMatches(memory: MemoryStore, rooms: RoomRegistry, doc: DocumentRecord, segmentId: string): Promise<MemoryMatch[]> {
  const { source, previous } = await readSource(rooms, doc.id, segmentId);
  if (!source?.trim()) return [];
  const found = await memory.lookup(source, doc.sourceLang, doc.targetLang, { limit: MAX_MATCHES + 1 });
  const others = found.filter(({ unit }) => !(unit.docId === doc.id && unit.segmentId === segmentId));
  const inContext = ({ unit, score }: ScoredUnit) =>
    score === 100 && previous !== null && unit.context !== null && normalise(unit.context) === normalise(previous);
  return others
    .map((match) => ({ match, context: inContext(match) }))
    .sort((a, b) => b.match.score - a.match.score || Number(b.context) - Number(a.context) || STATUS_RANK[b.match.unit.status] - STATUS_RANK[a.match.unit.status])
    .slice(0, MAX_MATCHES)
    .map(({ match: { unit, score }, context }) => ({
      source: unit.source,
      target: unit.target,
      score,
      context,
      status: unit.status,
      confirmedBy: unit.confirmedBy,
      confirmedAt: unit.confirmedAt,
      docId: unit.docId,
      diff: diffWords(unit.source, source, doc.sourceLang),
    }));
}
