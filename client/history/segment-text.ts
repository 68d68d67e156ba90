// One segment's plain text now, read straight from the content room's Y.Doc, as the server reads a
// version's (server/history/states.ts), so the two compare equal when they are.
import type * as Y from 'yjs';
import { mapSegment, segmentIdOf, segmentTypes } from '../../shared/review/text-map.js';

export function segmentText(doc: Y.Doc, segmentId: string): string | null {
  const type = segmentTypes(doc).find((t) => segmentIdOf(t) === segmentId);
  return type ? mapSegment(type).text : null;
}
