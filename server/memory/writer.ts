// Writes the memory's units from the desk (SPEC 18.4): a segment's unit when its status is set to
// translated, reviewed or approved, and again when the text of such a segment changed — on the
// notes SegmentChanges writes at most once a second per article, never per keystroke. Omitted
// segments, segments without a source and empty translations are not written.
import * as Y from 'yjs';
import type { Logger } from 'pino';
import { ReviewRoom, type SegmentStatus } from '../../shared/schema.js';
import { findSegment, mapSegment, segmentIdOf, segmentTypes } from '../../shared/review/text-map.js';
import { omittedOf } from '../../shared/review/omitted.js';
import type { RoomRegistry } from '../collab/registry.js';
import type { Store } from '../storage/store.js';
import { withRooms, type Rooms } from '../review/context.js';
import { isUnitStatus, type MemoryStore, type TmUnitInput } from './memory-store.js';

export class MemoryWriter {
  private readonly writing = new Set<Promise<unknown>>();

  constructor(
    private readonly memory: MemoryStore,
    private readonly store: Store,
    private readonly rooms: RoomRegistry,
    private readonly logger: Logger,
  ) {}

  /** Writes the units of those of the segments that are confirmed; the caller holds both rooms. */
  async write(docId: string, rooms: Rooms, segmentIds: Iterable<string>): Promise<void> {
    try {
      const doc = await this.store.getDocument(docId);
      if (!doc) return;
      const units = unitsOf(rooms, [...segmentIds], doc.sourceLang, doc.targetLang);
      if (units.length > 0) await this.memory.importUnits(units);
    } catch (error) {
      this.logger.error({ err: error, doc: docId }, 'writing translation memory units failed');
    }
  }

  /** Segments whose text changed (SegmentChanges' notes, just written): their units follow. */
  changed(docId: string, segmentIds: string[]): void {
    const task = withRooms(this.rooms, docId, (rooms) => this.write(docId, rooms, segmentIds)).catch((error) =>
      this.logger.error({ err: error, doc: docId }, 'updating translation memory units failed'),
    );
    this.writing.add(task);
    void task.finally(() => this.writing.delete(task));
  }

  /** At shutdown, after SegmentChanges closed: waits for the writes under way. */
  async close(): Promise<void> {
    await Promise.all(this.writing);
  }
}

/** The units of the confirmed, included segments among `segmentIds`, as the rooms hold them now. */
export function unitsOf({ content, review }: Rooms, segmentIds: string[], sourceLang: string, targetLang: string): TmUnitInput[] {
  const sources = review.doc.getMap<string>(ReviewRoom.source);
  const statuses = review.doc.getMap<SegmentStatus>(ReviewRoom.status);
  const omitted = omittedOf(review.doc);
  let previous: Map<string, string | null> | null = null;
  const units: TmUnitInput[] = [];
  for (const segmentId of new Set(segmentIds)) {
    const status = statuses.get(segmentId);
    const source = sources.get(segmentId);
    const type = findSegment(content.doc, segmentId);
    if (!status || !isUnitStatus(status.state) || omitted.has(segmentId) || !source?.trim() || !type) continue;
    const target = mapSegment(type).text;
    if (target.trim() === '') continue;
    previous ??= previousSegments(content.doc);
    const before = previous.get(segmentId);
    units.push({
      source,
      target,
      sourceLang,
      targetLang,
      docId: content.docId,
      segmentId,
      status: status.state,
      confirmedBy: status.by,
      confirmedAt: status.at,
      context: (before && sources.get(before)) || null,
    });
  }
  return units;
}

/** Each segment's id → the id of the segment before it (null for the first). */
export function previousSegments(doc: Y.Doc): Map<string, string | null> {
  const before = new Map<string, string | null>();
  let last: string | null = null;
  for (const type of segmentTypes(doc)) {
    const id = segmentIdOf(type);
    if (!id) continue;
    before.set(id, last);
    last = id;
  }
  return before;
}
