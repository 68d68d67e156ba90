// What review actions share: the document's two rooms, and who is acting.
import * as Y from 'yjs';
import type { Role } from '../../shared/schema.js';
import { findSegment, mapSegment } from '../../shared/review/text-map.js';
import type { RoomRegistry } from '../collab/registry.js';
import type { Room } from '../collab/room.js';
import { notFound } from '../../shared/api-error.js';

export interface Actor {
  /** The token's `sub`: whoever holds this token. */
  id: string;
  name: string;
  role: Role;
}

export interface Rooms {
  content: Room;
  review: Room;
}

/** Holds both rooms of a document while `fn` runs. */
export function withRooms<T>(rooms: RoomRegistry, docId: string, fn: (r: Rooms) => T | Promise<T>): Promise<T> {
  return rooms.with(docId, 'content', (content) => rooms.with(docId, 'review', (review) => fn({ content, review })));
}

export function segmentText(doc: Y.Doc, segmentId: string): string {
  const type = findSegment(doc, segmentId);
  if (!type) throw notFound(`no segment ${segmentId} in this document`);
  return mapSegment(type).text;
}
