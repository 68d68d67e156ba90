// Checks a SQLite store for consistency: `tandem check` (SPEC 9.4) and the check at start (SPEC 4.9).
// It opens tandem.db read-only and reads in one transaction: WAL gives it a consistent snapshot of
// what was committed when it began, so it is safe beside a running server and never holds up its writes.
// The quick variant (at start) asks SQLite for a quick_check and checks the tables against each
// other; the full one also replays every room and checks each document's article.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parseRoomName, roomName } from '../../shared/schema.js';
import { SCHEMA_VERSION, schemaVersion } from './sqlite-schema.js';
import type { ReplayedLog } from './check-log.js';
import { kindOf, NoStore, replayedProblems, replayRoomRows, roomProblems, type CheckProblem, type CheckReport, type RoomSummary, type StoredDocument, type StoredRow } from './check-rooms.js';
import { checkVersions } from './check-versions.js';

export { NoStore, type CheckProblem, type CheckReport } from './check-rooms.js';

/** Lines of PRAGMA integrity_check reported at most. */
const MAX_INTEGRITY_LINES = 20;

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

  const documents = db.prepare('SELECT id, segment_count FROM documents ORDER BY id').all() as StoredDocument[];
  const rooms = summarizeRooms(db);
  const docIds = new Set(documents.map((d) => d.id));
  problems.push(...roomProblems(documents, rooms));
  for (const { room, seq, copies } of db
    .prepare('SELECT room, seq, COUNT(*) AS copies FROM updates GROUP BY room, seq HAVING COUNT(*) > 1')
    .all() as { room: string; seq: number; copies: number }[]) {
    problems.push({ doc: parseRoomName(room)?.docId ?? null, what: `${kindOf(room)}: update seq ${seq} is stored ${copies} times` });
  }

  problems.push(...checkVersions(db, docIds, full));

  if (full) {
    const replayRoom = roomReplayer(db);
    for (const document of documents) {
      problems.push(...replayedProblems(document, replayRoom(roomName(document.id, 'content')), replayRoom(roomName(document.id, 'review'))));
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

/** Each room as Room.load reads it. */
function roomReplayer(db: Database.Database): (room: string) => ReplayedLog {
  const snapshotOf = db.prepare('SELECT seq, data FROM snapshots WHERE room = ?');
  const updatesAfter = db.prepare('SELECT seq, data FROM updates WHERE room = ? AND seq > ? ORDER BY seq');
  return (room) => {
    const snapshot = snapshotOf.get(room) as StoredRow | undefined;
    return replayRoomRows(snapshot, updatesAfter.all(room, snapshot?.seq ?? 0) as StoredRow[]);
  };
}
