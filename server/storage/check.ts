// Checks a SQLite store for consistency: `tandem check` (SPEC 9.4) and the check at start (SPEC 4.9).
// It opens tandem.db read-only and reads in one transaction: WAL gives it a consistent snapshot of
// what was committed when it began, so it is safe beside a running server and never holds up its writes.
// The quick variant (at start) asks SQLite for a quick_check and checks the tables against each
// other; the full one also replays every room and checks each document's article.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parseRoomName, roomName, type RoomKind } from '../../shared/schema.js';
import { SCHEMA_VERSION, schemaVersion } from './sqlite-schema.js';
import { replayLog, type ReplayedLog, type StoredEntry } from './check-log.js';
import { checkArticle } from './check-article.js';
import { checkVersions } from './check-versions.js';

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

/** There is no store to check at that path (a usage error, not an inconsistency). */
export class NoStore extends Error {}

/** Lines of PRAGMA integrity_check reported at most. */
const MAX_INTEGRITY_LINES = 20;

interface RoomSummary {
  room: string;
  snapshotSeq: number | null;
  count: number;
  minSeq: number | null;
  maxSeq: number | null;
  /** Updates at or below the snapshot's seq, which compaction removes with it. */
  compacted: number;
}

export function checkStore(dir: string, { full = true } = {}): CheckReport {
  const path = join(dir, 'tandem.db');
  if (!existsSync(path)) throw new NoStore(`no Tandem store in ${dir} (no tandem.db)`);
  const started = performance.now();
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new NoStore(`cannot open ${path}: ${(error as Error).message}`);
  }
  try {
    const report = db.transaction(() => checkDatabase(db, full))();
    return { ...report, full, ms: performance.now() - started };
  } catch (error) {
    // A file SQLite cannot read far enough to check is itself the finding.
    if (!(error instanceof Database.SqliteError)) throw error;
    const problems = [{ doc: null, what: `SQLite cannot read the store: ${error.message} (${error.code})` }];
    return { full, documents: 0, rooms: 0, updates: 0, problems, ms: performance.now() - started };
  } finally {
    db.close();
  }
}

function checkDatabase(db: Database.Database, full: boolean): Omit<CheckReport, 'full' | 'ms'> {
  const problems: CheckProblem[] = [];
  const storeProblem = (what: string) => problems.push({ doc: null, what });
  const version = schemaVersion(db);
  if (version !== SCHEMA_VERSION) {
    storeProblem(`schema version ${version}, this build knows ${SCHEMA_VERSION}`);
    return { documents: 0, rooms: 0, updates: 0, problems };
  }

  const pragma = full ? 'integrity_check' : 'quick_check';
  const integrity = db.pragma(`${pragma}(${MAX_INTEGRITY_LINES})`, { simple: false }) as Record<string, string>[];
  for (const row of integrity) {
    const line = Object.values(row)[0];
    if (line !== 'ok') storeProblem(`SQLite ${pragma}: ${line}`);
  }

  const documents = db.prepare('SELECT id, segment_count FROM documents ORDER BY id').all() as { id: string; segment_count: number }[];
  const rooms = summarizeRooms(db);
  const docIds = new Set(documents.map((d) => d.id));
  const roomsByName = new Map(rooms.map((r) => [r.room, r]));

  for (const { room } of rooms) {
    const parsed = parseRoomName(room);
    if (!parsed) storeProblem(`room "${room}" is no document's room`);
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
  for (const { room, seq, copies } of db
    .prepare('SELECT room, seq, COUNT(*) AS copies FROM updates GROUP BY room, seq HAVING COUNT(*) > 1')
    .all() as { room: string; seq: number; copies: number }[]) {
    problems.push({ doc: parseRoomName(room)?.docId ?? null, what: `${kindOf(room)}: update seq ${seq} is stored ${copies} times` });
  }

  problems.push(...checkVersions(db, docIds, full));

  if (full) {
    const replayRoom = roomReplayer(db);
    for (const { id, segment_count } of documents) {
      const replayed = { content: replayRoom(roomName(id, 'content')), review: replayRoom(roomName(id, 'review')) };
      for (const kind of ['content', 'review'] as const) {
        for (const what of replayed[kind].problems) problems.push({ doc: id, what: `${kind}: ${what}` });
      }
      const { content, review } = replayed;
      if (content.doc && review.doc) {
        for (const what of checkArticle(content.doc, review.doc, { segmentCount: segment_count })) problems.push({ doc: id, what });
      }
      content.doc?.destroy();
      review.doc?.destroy();
    }
  }
  const updates = rooms.reduce((sum, r) => sum + r.count, 0);
  return { documents: documents.length, rooms: rooms.length, updates, problems };
}

/** Each room's log against its snapshot, in one pass over the updates (they are stored in order). */
function summarizeRooms(db: Database.Database): RoomSummary[] {
  return db
    .prepare(
      `SELECT u.room, s.seq AS snapshotSeq,
         SUM(u.seq > COALESCE(s.seq, 0)) AS count,
         MIN(CASE WHEN u.seq > COALESCE(s.seq, 0) THEN u.seq END) AS minSeq,
         MAX(u.seq) AS maxSeq,
         SUM(u.seq <= COALESCE(s.seq, 0)) AS compacted
       FROM updates u LEFT JOIN snapshots s ON s.room = u.room
       GROUP BY u.room
       UNION ALL
       SELECT s.room, s.seq, 0, NULL, NULL, 0 FROM snapshots s
       WHERE NOT EXISTS (SELECT 1 FROM updates u WHERE u.room = s.room)
       ORDER BY 1`,
    )
    .all() as RoomSummary[];
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

/** Replays a room as Room.load reads it: the snapshot, then the updates after it. */
function roomReplayer(db: Database.Database): (room: string) => ReplayedLog {
  const snapshotOf = db.prepare('SELECT seq, data FROM snapshots WHERE room = ?');
  const updatesAfter = db.prepare('SELECT seq, data FROM updates WHERE room = ? AND seq > ? ORDER BY seq');
  return (room) => {
    const entries: StoredEntry[] = [];
    const snapshot = snapshotOf.get(room) as { seq: number; data: Buffer } | undefined;
    if (snapshot) entries.push({ seq: snapshot.seq, kind: 'snapshot', data: bytes(snapshot.data) });
    for (const row of updatesAfter.all(room, snapshot?.seq ?? 0) as { seq: number; data: Buffer }[]) {
      entries.push({ seq: row.seq, kind: 'update', data: bytes(row.data) });
    }
    return entries.length === 0 ? { doc: null, problems: [] } : replayLog(entries);
  };
}

function kindOf(room: string): RoomKind | 'room' {
  return parseRoomName(room)?.kind ?? 'room';
}

function bytes(buf: Buffer): Uint8Array {
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
