// What the server does when a translation changes (SPEC 11.6, 11.3): a reviewed or approved segment
// goes back to translated, and the anchors of its suggestions and threads are checked again. The
// touched segments come from a Yjs observer on the content room, gathered until the current turn
// ends, so the review room is up to date before the server answers anything else.
import * as Y from 'yjs';
import { CONTENT_ROOT, ReviewRoom, type SegmentStatus } from '../../shared/schema.js';
import { createAnchor, resolveAnchor } from '../../shared/review/anchor.js';
import { enclosingSegment, segmentIdOf } from '../../shared/review/text-map.js';
import { suggestionsOf, threadsOf } from '../../shared/review/types.js';
import type { Logger } from 'pino';
import type { RoomRegistry } from '../collab/registry.js';
import type { Origin, Room } from '../collab/room.js';
import { rescueStranded } from './stranded.js';

function authorOf(origin: Origin): string | null {
  return typeof origin === 'object' && origin !== null && 'who' in origin ? (origin as { who: { name: string } }).who.name : null;
}

export function watchContent(rooms: RoomRegistry, logger: Logger) {
  return (room: Room) => {
    if (room.kind !== 'content') return;
    rescueStranded(room, logger);
    const root = room.doc.get(CONTENT_ROOT, Y.XmlText);
    const touched = new Map<string, string | null>();
    let scheduled = false;
    // The review room, held from the first change until this room unloads: a keystroke then costs a
    // few map lookups, not an acquire, a release and its timer, a transaction and two promises.
    let review: Room | null = null;
    let holding: Promise<Room> | null = null;
    room.doc.on('destroy', () => {
      holding?.then((held) => rooms.release(held), () => {});
      holding = null;
    });

    // Runs inside the peer's transaction: it must never throw into it.
    root.observeDeep((events, transaction) => {
      if (transaction.origin === 'load') return;
      try {
        for (const event of events) {
          const segment = event.target === root ? null : enclosingSegment(event.target, root);
          const id = segment && segmentIdOf(segment);
          if (id) touched.set(id, authorOf(transaction.origin as Origin));
        }
      } catch (error) {
        logger.error({ err: error, doc: room.docId }, 'reading which segments changed failed');
      }
      if (touched.size > 0 && !scheduled) {
        scheduled = true;
        queueMicrotask(flush);
      }
    });

    const flush = () => {
      scheduled = false;
      const batch = new Map(touched);
      touched.clear();
      // A review room that failed or was removed is let go; the next change loads it afresh.
      if (review?.doc.isDestroyed) {
        rooms.release(review);
        review = null;
        holding = null;
      }
      if (review) return update(review, batch);
      holding ??= rooms.acquire(room.docId, 'review').then((held) => {
        if (room.doc.isDestroyed) rooms.release(held);
        else review = held;
        return held;
      });
      holding.then(
        (held) => update(held, batch),
        (error) => {
          holding = null;
          logger.error({ err: error, doc: room.docId }, 'updating review state failed');
        },
      );
    };

    const update = (target: Room, batch: Map<string, string | null>) => {
      if (target.doc.isDestroyed || !needsReview(target.doc, batch)) return;
      target
        .write((doc) => {
          const statuses = doc.getMap<SegmentStatus>(ReviewRoom.status);
          for (const [id, by] of batch) {
            const state = statuses.get(id)?.state;
            if (state === 'reviewed' || state === 'approved') statuses.set(id, { state: 'translated', by, at: Date.now() });
          }
          recheckAnchors(room.doc, doc, new Set(batch.keys()));
        })
        .catch((error) => logger.error({ err: error, doc: room.docId }, 'updating review state failed'));
    };
  };
}

/** Whether a change to these segments may change the review room: a status to reset, an anchor to check. */
function needsReview(review: Y.Doc, segments: Map<string, unknown>): boolean {
  const statuses = review.getMap<SegmentStatus>(ReviewRoom.status);
  for (const id of segments.keys()) {
    const state = statuses.get(id)?.state;
    if (state === 'reviewed' || state === 'approved') return true;
  }
  // forEach, not values(): this runs for every keystroke's turn, and Yjs builds three iterators for values().
  let anchored = false;
  suggestionsOf(review).forEach((suggestion) => (anchored ||= segments.has(suggestion.segmentId)));
  threadsOf(review).forEach((thread) => (anchored ||= segments.has(thread.segmentId)));
  return anchored;
}

/** Re-anchors what moved, marks stale the suggestions whose text was rewritten, revives the restored. */
function recheckAnchors(content: Y.Doc, review: Y.Doc, segments: Set<string>) {
  const suggestions = suggestionsOf(review);
  for (const suggestion of suggestions.values()) {
    if (!segments.has(suggestion.segmentId) || (suggestion.status !== 'open' && suggestion.status !== 'stale')) continue;
    const resolved = resolveAnchor(content, suggestion.segmentId, suggestion.anchor, suggestion.quote);
    if (resolved.state === 'stale') {
      if (suggestion.status !== 'stale') suggestions.set(suggestion.id, { ...suggestion, status: 'stale' });
    } else if (resolved.state === 'moved' || suggestion.status === 'stale') {
      const anchored = createAnchor(content, suggestion.segmentId, resolved.range)!;
      suggestions.set(suggestion.id, { ...suggestion, anchor: anchored.anchor, status: 'open' });
    }
  }
  const threads = threadsOf(review);
  for (const thread of threads.values()) {
    if (!segments.has(thread.segmentId)) continue;
    const resolved = resolveAnchor(content, thread.segmentId, thread.anchor, thread.quote);
    if (resolved.state === 'moved') threads.set(thread.id, { ...thread, anchor: createAnchor(content, thread.segmentId, resolved.range)!.anchor });
  }
}
