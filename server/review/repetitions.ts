// Repetitions (SPEC 18.21–18.23): a confirmed segment's translation fills the other segments with
// the same source (normalised as the memory compares them) whose translation is empty or an
// untouched draft, as one server edit through headless Lexical. A filled segment stays a draft and
// gets an open thread saying whose repetition it is, so nothing unreviewed looks finished.
import { newId } from '../../shared/ids.js';
import { ReviewRoom, type SegmentStatus } from '../../shared/schema.js';
import { createAnchor } from '../../shared/review/anchor.js';
import { omittedOf } from '../../shared/review/omitted.js';
import { repetitionFillsOf, repetitionGroups, type RepetitionFill } from '../../shared/review/repetitions.js';
import { findSegment, mapSegment, segmentIdOf, segmentTypes } from '../../shared/review/text-map.js';
import { threadsOf, type Thread } from '../../shared/review/types.js';
import { conflict } from '../../shared/api-error.js';
import { $selectRange } from '../../shared/ranges.js';
import { $getSegmentText } from '../../shared/article.js';
import type { Logger } from 'pino';
import type { SegmentChanges } from '../history/changes.js';
import type { RoomRegistry } from '../collab/registry.js';
import { $segmentOf, editContent } from './apply-text.js';
import { segmentText, type Actor, type Rooms } from './context.js';
import { watchFills } from './repetition-race.js';

export const REPETITIONS_AUTHOR = 'Repetitions';
const REPETITIONS_ID = 'repetitions';
const CONFIRMED = new Set(['translated', 'reviewed', 'approved']);

/** What propagation needs of the server (the API's context has it all). */
export interface RepetitionContext {
  changes: SegmentChanges;
  rooms: RoomRegistry;
  logger: Logger;
}

export interface Propagation {
  segmentId: string;
  /** The repetitions it filled, in article order. */
  filled: string[];
}

/**
 * Fills the repetitions of a confirmed segment with its translation; the caller holds both rooms.
 * A segment is filled when it is a draft, not omitted, its translation is one line, and that is
 * empty, or was never changed by a person in the desk, or is still the text a repetition fill gave it.
 */
export async function propagateRepetitions(rooms: Rooms, actor: Actor, segmentId: string, ctx: RepetitionContext): Promise<Propagation> {
  const { content, review } = rooms;
  const target = segmentText(content.doc, segmentId);
  const statuses = review.doc.getMap<SegmentStatus>(ReviewRoom.status);
  const confirmed = statuses.get(segmentId);
  if (!confirmed || !CONFIRMED.has(confirmed.state)) throw conflict('only a translated, reviewed or approved segment fills its repetitions', 'not_confirmed');
  const sources = review.doc.getMap<string>(ReviewRoom.source);
  const order = segmentTypes(content.doc).map(segmentIdOf).filter((id): id is string => id !== null);
  const group = repetitionGroups(order, (id) => sources.get(id)).get(segmentId) ?? [];
  const omitted = omittedOf(review.doc);
  if (target.trim() === '' || omitted.has(segmentId)) return { segmentId, filled: [] };

  const fills = repetitionFillsOf(review.doc);
  const changed = ctx.changes.read(content.docId, review.doc);
  const filled = group.filter((id) => {
    if (id === segmentId || omitted.has(id) || (statuses.get(id)?.state ?? 'draft') !== 'draft') return false;
    const text = segmentText(content.doc, id);
    // A fill would remove the paragraphs (or list items) after the first, and typing in them with them.
    if (text === target || text.includes('\n')) return false;
    return text.trim() === '' || fills.get(id)?.text === text || !changed.get(id)?.by;
  });
  if (filled.length === 0) return { segmentId, filled };

  watchFills(
    content,
    filled,
    () =>
      editContent(content, () => {
        for (const id of filled) {
          const segment = $segmentOf(id);
          const selection = $selectRange(segment, 0, $getSegmentText(segment).length);
          if (!selection) throw new Error(`cannot select the text of segment ${id}`);
          selection.insertRawText(target);
        }
      }),
    (id, undone) => void forgetFill(ctx, content.docId, id, undone),
  );
  const at = Date.now();
  const number = order.indexOf(segmentId) + 1;
  const note = `Repetition of segment ${number}: filled in from its translation, ${confirmed.state} by ${confirmed.by ?? 'the server'}. Check it before confirming it.`;
  await review.write((doc) => {
    const threads = threadsOf(doc);
    const records = repetitionFillsOf(doc);
    for (const id of filled) {
      const previous = records.get(id);
      if (previous) threads.delete(previous.threadId);
      const thread = markerThread(rooms, id, note, at);
      if (thread) threads.set(thread.id, thread);
      records.set(id, { from: segmentId, text: target, by: actor.name, at, threadId: thread?.id ?? '' } satisfies RepetitionFill);
    }
  });
  return { segmentId, filled };
}

/** A fill undone for typing (SPEC 18.23) takes its record and its thread with it. */
async function forgetFill(ctx: RepetitionContext, docId: string, segmentId: string, undone: Promise<void>): Promise<void> {
  try {
    await undone;
    await ctx.rooms.with(docId, 'review', (review) => {
      const record = repetitionFillsOf(review.doc).get(segmentId);
      if (!record) return;
      return review.write((doc) => {
        threadsOf(doc).delete(record.threadId);
        repetitionFillsOf(doc).delete(segmentId);
      });
    });
  } catch (error) {
    ctx.logger.error({ err: error, doc: docId, segment: segmentId }, 'undoing a repetition fill for typing failed');
  }
}

function markerThread({ content }: Rooms, segmentId: string, text: string, at: number): Thread | null {
  const type = findSegment(content.doc, segmentId);
  const anchored = type && createAnchor(content.doc, segmentId, { start: 0, end: mapSegment(type).text.length });
  if (!anchored) return null;
  return {
    id: newId(),
    segmentId,
    ...anchored,
    resolved: false,
    resolvedBy: null,
    author: REPETITIONS_AUTHOR,
    authorId: REPETITIONS_ID,
    comments: [{ id: newId(), author: REPETITIONS_AUTHOR, authorId: REPETITIONS_ID, text, at }],
  };
}
