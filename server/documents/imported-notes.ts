// SPEC 12.5: the notes a file holds for a segment (XLIFF) become open comment threads on the whole
// segment, written by the note's author where the file names one.
import * as Y from 'yjs';
import { newId } from '../../shared/ids.js';
import type { ImportedSegment } from '../../shared/import/index.js';
import { createAnchor } from '../../shared/review/anchor.js';
import { findSegment, mapSegment } from '../../shared/review/text-map.js';
import type { Thread } from '../../shared/review/types.js';

const IMPORTED_BY = 'Imported note';
const IMPORTER_ID = 'import';

/** Threads for the segments' notes, anchored in the content room's first update. */
export function threadsFromNotes(segments: readonly ImportedSegment[], content: Uint8Array, now: number): Thread[] {
  if (!segments.some((segment) => segment.notes?.length)) return [];
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, content);
    return segments.flatMap((segment) => {
      const type = findSegment(doc, segment.id);
      const anchored = type && createAnchor(doc, segment.id, { start: 0, end: mapSegment(type).text.length });
      if (!anchored) return [];
      return (segment.notes ?? []).map((note): Thread => {
        const author = note.from ?? IMPORTED_BY;
        return {
          id: newId(),
          segmentId: segment.id,
          ...anchored,
          resolved: false,
          resolvedBy: null,
          author,
          authorId: IMPORTER_ID,
          comments: [{ id: newId(), author, authorId: IMPORTER_ID, text: note.text, at: now }],
        };
      });
    });
  } finally {
    doc.destroy();
  }
}
