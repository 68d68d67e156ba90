// `tandem check` on the PostgreSQL store (SPEC 17.7): the same findings as on SQLite (SPEC 9.4), read
// in one read-only repeatable-read transaction, so it sees one moment of the database and is safe
// beside running instances. Also checks each room's seq counter against its log: a counter behind
// it would hand out a seq already stored.
import type pg from 'pg';
import { parseRoomName, roomName } from '../../../shared/schema.js';
import { kindOf, NoStore, replayedProblems, replayRoomRows, roomProblems, type CheckProblem, type CheckReport, type RoomSummary, type StoredDocument, type StoredRow } from '../check-rooms.js';
import { orphanVersions, versionProblems, type StoredVersionRow } from '../check-versions.js';
import { openPool, shownUrl } from './pool.js';
import { SCHEMA_VERSION } from './schema.js';

export async function checkPostgresStore(url: string, { full = true } = {}): Promise<CheckReport> {
  const started = performance.now();
  const pool = openPool({ url, max: 1 });
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new NoStore(`cannot reach the PostgreSQL store at ${shownUrl(url)}: ${(error as Error).message}`);
  }
  try {
    const { rows } = await client.query<{ exists: boolean }>("SELECT to_regclass('tandem_migrations') IS NOT NULL AS exists");
    if (!rows[0].exists) throw new NoStore(`no Tandem store in the database at ${shownUrl(url)} (no tandem_migrations table)`);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const report = await checkDatabase(client, full);
    await client.query('COMMIT');
    return { ...report, full, ms: performance.now() - started };
  } finally {
    client.release();
    await pool.end();
  }
}

async function checkDatabase(client: pg.PoolClient, full: boolean): Promise<Omit<CheckReport, 'full' | 'ms'>> {
  const problems: CheckProblem[] = [];
  const version = (await client.query<{ version: number }>('SELECT MAX(version) AS version FROM tandem_migrations')).rows[0].version ?? 0;
  if (version !== SCHEMA_VERSION) {
    problems.push({ doc: null, what: `schema version ${version}, this build knows ${SCHEMA_VERSION}` });
    return { documents: 0, rooms: 0, updates: 0, problems };
  }
  const documents = (await client.query<StoredDocument>('SELECT id, segment_count FROM documents ORDER BY id')).rows;
  const rooms = await summarizeRooms(client);
  const docIds = new Set(documents.map((d) => d.id));
  problems.push(...roomProblems(documents, rooms));
  for (const { room, last_seq, stored } of await countersBehind(client)) {
    const what = last_seq === null ? `the log reaches seq ${stored} but no seq counter is stored` : `its seq counter (${last_seq}) is behind the log's last seq ${stored}`;
    problems.push({ doc: parseRoomName(room)?.docId ?? null, what: `${kindOf(room)}: ${what}` });
  }

  const counts = (await client.query<{ doc_id: string; n: number }>('SELECT doc_id, COUNT(*) AS n FROM versions GROUP BY doc_id ORDER BY doc_id')).rows;
  problems.push(...orphanVersions(counts, docIds));
  if (full) {
    // One document's versions at a time: they hold whole states.
    for (const { doc_id } of counts) {
      const versions = await client.query<StoredVersionRow>('SELECT doc_id, id, name, content, review FROM versions WHERE doc_id = $1 ORDER BY ord', [doc_id]);
      for (const row of versions.rows) problems.push(...versionProblems(row));
    }
    for (const document of documents) {
      const content = await replayRoom(client, roomName(document.id, 'content'));
      const review = await replayRoom(client, roomName(document.id, 'review'));
      problems.push(...replayedProblems(document, content, review));
    }
  }
  const updates = rooms.reduce((sum, r) => sum + r.count, 0);
  return { documents: documents.length, rooms: rooms.length, updates, problems };
}

/** Each room's log against its snapshot (as the SQLite check summarizes it). */
async function summarizeRooms(client: pg.PoolClient): Promise<RoomSummary[]> {
  const { rows } = await client.query<RoomSummary>(
    `SELECT u.room, s.seq AS "snapshotSeq",
       COUNT(*) FILTER (WHERE u.seq > COALESCE(s.seq, 0)) AS count,
       MIN(u.seq) FILTER (WHERE u.seq > COALESCE(s.seq, 0)) AS "minSeq",
       MAX(u.seq) AS "maxSeq",
       COUNT(*) FILTER (WHERE u.seq <= COALESCE(s.seq, 0)) AS compacted
     FROM updates u LEFT JOIN snapshots s ON s.room = u.room
     GROUP BY u.room, s.seq
     UNION ALL
     SELECT s.room, s.seq, 0, NULL, NULL, 0 FROM snapshots s
     WHERE NOT EXISTS (SELECT 1 FROM updates u WHERE u.room = s.room)
     ORDER BY 1`,
  );
  return rows;
}

/** Rooms whose seq counter is missing or behind the last seq stored in their log or snapshot. */
async function countersBehind(client: pg.PoolClient) {
  const { rows } = await client.query<{ room: string; last_seq: number | null; stored: number }>(
    `SELECT logged.room, c.last_seq, logged.stored
     FROM (SELECT room, MAX(seq) AS stored FROM (SELECT room, seq FROM updates UNION ALL SELECT room, seq FROM snapshots) AS all_seqs GROUP BY room) AS logged
     LEFT JOIN room_seqs c USING (room)
     WHERE c.last_seq IS NULL OR c.last_seq < logged.stored
     ORDER BY 1`,
  );
  return rows;
}

async function replayRoom(client: pg.PoolClient, room: string) {
  const snapshot = (await client.query<StoredRow>('SELECT seq, data FROM snapshots WHERE room = $1', [room])).rows[0];
  const updates = await client.query<StoredRow>('SELECT seq, data FROM updates WHERE room = $1 AND seq > $2 ORDER BY seq', [room, snapshot?.seq ?? 0]);
  return replayRoomRows(snapshot, updates.rows);
}
