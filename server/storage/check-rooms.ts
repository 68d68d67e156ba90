// What the store check finds the same way in both stores (SPEC 9.4, 17.7): rooms of no document,
// documents missing a room, a room's log against its snapshot, and, in the full check, each room
// replayed and each document's two rooms checked as an article.
import { parseRoomName, roomName, type RoomKind } from '../../shared/schema.js';
import { replayLog, type ReplayedLog, type StoredEntry } from './check-log.js';
import { checkArticle } from './check-article.js';

export interface CheckProblem {
  /** The document concerned; null for the store as a whole. */
  doc: string | null;
  what: string;
}

export interface CheckReport {
  full: boolean;
  documents: number;
  rooms: number;
  updates: number;
  problems: CheckProblem[];
  ms: number;
}

/** There is no store to check there (a usage error, not an inconsistency). */
export class NoStore extends Error {}

export interface StoredDocument {
  id: string;
  segment_count: number;
}

export interface RoomSummary {
  room: string;
  snapshotSeq: number | null;
  count: number;
  minSeq: number | null;
  maxSeq: number | null;
  /** Updates at or below the snapshot's seq, which compaction removes with it. */
  compacted: number;
}

/** Rooms against documents, and each room's log against its snapshot. */
export function roomProblems(documents: StoredDocument[], rooms: RoomSummary[]): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const docIds = new Set(documents.map((d) => d.id));
  const roomsByName = new Map(rooms.map((r) => [r.room, r]));
  for (const { room } of rooms) {
    const parsed = parseRoomName(room);
    if (!parsed) problems.push({ doc: null, what: `room "${room}" is no document's room` });
    else if (!docIds.has(parsed.docId)) problems.push({ doc: parsed.docId, what: `room ${room} is stored, but the document is not` });
  }
  for (const { id } of documents) {
    for (const kind of ['content', 'review'] as const) {
      if (!roomsByName.has(roomName(id, kind))) problems.push({ doc: id, what: `its ${kind} room is not stored` });
    }
  }
  for (const summary of rooms) {
    const doc = parseRoomName(summary.room)?.docId ?? null;
    for (const what of logProblems(summary)) problems.push({ doc, what: `${kindOf(summary.room)}: ${what}` });
  }
  return problems;
}

/** The log after a snapshot at seq s holds exactly s+1 … its last seq (SPEC 4.4); seq 1 is the import. */
function logProblems({ snapshotSeq, count, minSeq, maxSeq, compacted }: RoomSummary): string[] {
  const problems: string[] = [];
  const base = snapshotSeq ?? 0;
  if (compacted > 0) problems.push(`updates at or below the snapshot's seq ${base} remain (${compacted})`);
  if (count > 0 && (minSeq !== base + 1 || maxSeq! - base !== count)) {
    problems.push(`the log after seq ${base} has gaps: ${count} updates between seq ${minSeq} and ${maxSeq}`);
  }
  return problems;
}

/** The full check of one document: its rooms as replayed, and the two checked as an article. */
export function replayedProblems({ id, segment_count }: StoredDocument, content: ReplayedLog, review: ReplayedLog): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (const [kind, replayed] of [['content', content], ['review', review]] as const) {
    for (const what of replayed.problems) problems.push({ doc: id, what: `${kind}: ${what}` });
  }
  if (content.doc && review.doc) {
    for (const what of checkArticle(content.doc, review.doc, { segmentCount: segment_count })) problems.push({ doc: id, what });
  }
  content.doc?.destroy();
  review.doc?.destroy();
  return problems;
}

export interface StoredRow {
  seq: number;
  data: Uint8Array;
}

/** Replays a room as Room.load reads it: its snapshot, then the updates after it. */
export function replayRoomRows(snapshot: StoredRow | undefined, updates: StoredRow[]): ReplayedLog {
  const entries: StoredEntry[] = [];
  if (snapshot) entries.push({ seq: snapshot.seq, kind: 'snapshot', data: plain(snapshot.data) });
  for (const row of updates) entries.push({ seq: row.seq, kind: 'update', data: plain(row.data) });
  return entries.length === 0 ? { doc: null, problems: [] } : replayLog(entries);
}

const plain = (bytes: Uint8Array) => new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export function kindOf(room: string): RoomKind | 'room' {
  return parseRoomName(room)?.kind ?? 'room';
}
