// An article as the API shows it: segments in order with source, target text and status, read
// from the live rooms so every acknowledged change is in it (SPEC 8.3).
import * as Y from 'yjs';
import { $readSegments } from '../../shared/article.js';
import { openArticle } from '../../shared/headless.js';
import type { SegmentState } from '../../shared/schema.js';
import { omittedOf } from '../../shared/review/omitted.js';
import type { RoomRegistry } from '../collab/registry.js';
import { readSources, readState } from './review-room.js';

export interface SegmentView {
  id: string;
  index: number;
  source: string | null;
  target: string;
  status: SegmentState;
  /** Left out of exports, QA and the progress by status (SPEC 11.9). */
  omitted: boolean;
}

/** The content room's state, held only for the copy. */
export function contentState(rooms: RoomRegistry, docId: string): Promise<Uint8Array> {
  return rooms.with(docId, 'content', (room) => Y.encodeStateAsUpdate(room.doc));
}

export async function readSegments(rooms: RoomRegistry, docId: string): Promise<SegmentView[]> {
  const article = openArticle(await contentState(rooms, docId));
  try {
    const segments = article.read($readSegments);
    return rooms.with(docId, 'review', (room) => {
      const sources = readSources(room.doc);
      const omitted = omittedOf(room.doc);
      return segments.map(({ id, text }, index) => ({
        id,
        index,
        source: sources.get(id) ?? null,
        target: text,
        status: readState(room.doc, id),
        omitted: omitted.has(id),
      }));
    });
  } finally {
    article.dispose();
  }
}
