// Omitted segments (the duplicated headline, a site's boilerplate): kept in the article and shown
// greyed in the desk, left out of every export, of QA and of the progress by status. A flag beside
// the status rather than a fifth status: restoring one brings back the status it had, and edits
// that send a reviewed segment back to translated leave the flag alone.
import type * as Y from 'yjs';
import { ReviewRoom, type SegmentMark } from '../schema.js';

export const omittedOf = (doc: Y.Doc) => doc.getMap<SegmentMark>(ReviewRoom.omitted);

/** The ids of the omitted segments, a copy. */
export const omittedIds = (doc: Y.Doc): Set<string> => new Set(omittedOf(doc).keys());
