// Repetitions (SPEC 18.20–18.24): segments of one article whose sources are equal as the translation
// memory compares them. The article's switch and the record of each fill live in its review room,
// written by the server only; the desk reads both live.
import type * as Y from 'yjs';
import { ReviewRoom } from '../schema.js';
import { normalise } from '../text/normalize.js';

/** A segment filled with the translation of a confirmed repetition, and with what text. */
export interface RepetitionFill {
  /** The confirmed segment whose translation it took. */
  from: string;
  text: string;
  /** Who confirmed (or asked for) it, and when. */
  by: string | null;
  at: number;
  /** The open thread saying so. */
  threadId: string;
}

export const PROPAGATE_REPETITIONS = 'propagateRepetitions';

/** Whether confirming a segment fills its repetitions (on unless an editor turned it off). */
export const propagatesRepetitions = (doc: Y.Doc): boolean => doc.getMap(ReviewRoom.settings).get(PROPAGATE_REPETITIONS) !== false;

export const repetitionFillsOf = (doc: Y.Doc) => doc.getMap<RepetitionFill>(ReviewRoom.repeated);

/**
 * Each segment that has repetitions → all the segments sharing its source, in the order given;
 * segments without a source, or with a source of their own, are left out.
 */
export function repetitionGroups(segmentIds: Iterable<string>, sourceOf: (segmentId: string) => string | undefined): Map<string, string[]> {
  const bySource = new Map<string, string[]>();
  for (const id of segmentIds) {
    const key = normalise(sourceOf(id) ?? '');
    if (key === '') continue;
    const group = bySource.get(key);
    if (group) group.push(id);
    else bySource.set(key, [id]);
  }
  const groups = new Map<string, string[]>();
  for (const group of bySource.values()) if (group.length > 1) for (const id of group) groups.set(id, group);
  return groups;
}
