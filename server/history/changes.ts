// Who last changed each segment, and when (SPEC 16.9). A content room's observer notes, per
// transaction, the segments it touched and who sent it (a peer's connection, or the person an HTTP
// action acts for); the notes are written to the review room's `changed` map at most once a second
// per article, so typing costs a map entry, not a stored update. Reads merge what is not written yet.
import * as Y from 'yjs';
import type { Logger } from 'pino';
import { CONTENT_ROOT, ReviewRoom, type Role } from '../../shared/schema.js';
import { enclosingSegment, segmentIdOf } from '../../shared/review/text-map.js';
import type { RoomRegistry } from '../collab/registry.js';
import type { Origin, Room } from '../collab/room.js';
import type { Store } from '../storage/store.js';
import { actingFor, type ChangeAuthor } from './acting.js';

export interface SegmentChange {
  /** The name of who changed it; null for the server's own change. */
  by: string | null;
  role: Role | null;
  at: number;
}

const FLUSH_MS = 1000;

function authorOf(origin: Origin): ChangeAuthor | null {
  if (origin === 'server') return actingFor();
  if (typeof origin === 'object' && origin !== null && 'who' in origin) return (origin as { who: ChangeAuthor }).who;
  return null;
}

export class SegmentChanges {
  /** Per article: notes not written to its review room yet. */
  private readonly pending = new Map<string, Map<string, SegmentChange>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly writing = new Set<Promise<void>>();
  /** Told the segments whose notes were just written (the translation memory follows their text). */
  onWritten: ((docId: string, segmentIds: string[]) => void) | null = null;

  constructor(
    private readonly store: Store,
    private readonly rooms: RoomRegistry,
    private readonly logger: Logger,
  ) {}

  watch(room: Room): void {
    if (room.kind !== 'content') return;
    const root = room.doc.get(CONTENT_ROOT, Y.XmlText);
    // Runs inside the sender's transaction: it must never throw into it.
    root.observeDeep((events, transaction) => {
      if (transaction.origin === 'load') return;
      try {
        const author = authorOf(transaction.origin as Origin);
        const change: SegmentChange = { by: author?.name ?? null, role: author?.role ?? null, at: Date.now() };
        let notes: Map<string, SegmentChange> | undefined;
        for (const event of events) {
          const segment = event.target === root ? null : enclosingSegment(event.target, root);
          const id = segment && segmentIdOf(segment);
          if (id) (notes ??= this.notes(room.docId)).set(id, change);
        }
      } catch (error) {
        this.logger.error({ err: error, doc: room.docId }, 'noting who changed a segment failed');
      }
    });
  }

  /** Each segment's last change: the review room's record with the notes not yet written over it. */
  read(docId: string, review: Y.Doc): Map<string, SegmentChange> {
    const changes = new Map(review.getMap<SegmentChange>(ReviewRoom.changed).entries());
    for (const [id, change] of this.pending.get(docId) ?? []) changes.set(id, change);
    return changes;
  }

  /** The segments, each with who last changed it and when (null: not since the import). */
  async annotate<T extends { id: string }>(docId: string, segments: T[]) {
    const changes = await this.rooms.with(docId, 'review', (review) => this.read(docId, review.doc));
    return segments.map((segment) => {
      const change = changes.get(segment.id);
      return { ...segment, changedBy: change?.by ?? null, changedAt: change?.at ?? null };
    });
  }

  /**
   * Writes the article's pending notes now (SPEC 16.17), so a version saved next names who made
   * them. Given the review room (held by the caller), they are in its doc when this returns, with
   * nothing awaited on the way (a restore reads the text right after); else once they are stored.
   */
  flush(docId: string, review?: Room): Promise<void> {
    if (!this.pending.has(docId)) return Promise.resolve();
    if (!review) {
      const task = this.write(docId);
      this.track(task);
      return task;
    }
    clearTimeout(this.timers.get(docId));
    this.timers.delete(docId);
    this.track(this.record(docId, review));
    return Promise.resolve();
  }

  private notes(docId: string): Map<string, SegmentChange> {
    let notes = this.pending.get(docId);
    if (!notes) {
      notes = new Map();
      this.pending.set(docId, notes);
      const timer = setTimeout(() => this.track(this.write(docId)), FLUSH_MS);
      timer.unref();
      this.timers.set(docId, timer);
    }
    return notes;
  }

  private track(task: Promise<void>): void {
    this.writing.add(task);
    void task.finally(() => this.writing.delete(task));
  }

  private async write(docId: string): Promise<void> {
    clearTimeout(this.timers.get(docId));
    this.timers.delete(docId);
    if (!(await this.store.getDocument(docId))) {
      this.pending.delete(docId);
      return;
    }
    try {
      await this.rooms.with(docId, 'review', (review) => this.record(docId, review));
    } catch (error) {
      this.logger.error({ err: error, doc: docId }, 'recording who changed segments failed');
    }
  }

  /** Moves the article's pending notes into its review room's `changed` map; resolves once stored. */
  private async record(docId: string, review: Room): Promise<void> {
    // Taken only now, so a read never misses a note on its way to the room.
    const notes = this.pending.get(docId);
    this.pending.delete(docId);
    if (!notes) return;
    try {
      await review.write((doc) => {
        const changed = doc.getMap<SegmentChange>(ReviewRoom.changed);
        for (const [id, change] of notes) changed.set(id, change);
      });
      this.onWritten?.(docId, [...notes.keys()]);
    } catch (error) {
      this.logger.error({ err: error, doc: docId }, 'recording who changed segments failed');
    }
  }

  /** At shutdown: writes every note still pending. */
  async close(): Promise<void> {
    for (const docId of [...this.pending.keys()]) this.track(this.write(docId));
    await Promise.all(this.writing);
  }
}
