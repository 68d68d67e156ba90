import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createDocument } from '../../../server/documents/create.js';
import { checkStore, NoStore, type CheckReport } from '../../../server/storage/check.js';
import { openSqliteStore, type SqliteStore } from '../../../server/storage/sqlite.js';
import { CONTENT_ROOT, ReviewRoom, roomName } from '../../../shared/schema.js';
import { typeInSegment } from '../../helpers/segment-typing.js';
import { tempDir } from './temp-store.js';

let dir: string;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const TARGET = 'শিরোনাম\n\nপ্রথম অনুচ্ছেদ।\n\nদ্বিতীয় অনুচ্ছেদ।';

/** A store of two documents whose content rooms hold a few typed updates; the first compacted. */
async function storeOfTwo(): Promise<{ ids: string[]; store: SqliteStore }> {
  dir = await tempDir();
  const store = openSqliteStore({ dir });
  const ids: string[] = [];
  for (let d = 0; d < 2; d++) {
    const { id } = await createDocument(store, { format: 'text', sourceLang: 'en', targetLang: 'bn', target: TARGET, source: 'Headline\n\nFirst.\n\nSecond.' });
    const room = roomName(id, 'content');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await store.loadRoom(room)).updates[0]);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 6; i++) typeInSegment(doc, i % 3, `${i}`);
    const seqs = await store.append(updates.map((update) => ({ docId: id, room, update })));
    if (d === 0) await store.compact(room, seqs[2], Y.encodeStateAsUpdate(mergeUpTo(room, store, seqs[2])));
    ids.push(id);
  }
  return { ids, store };
}

/** The room's state up to `seq`, as compaction would have merged it (from the uncompacted log). */
function mergeUpTo(room: string, store: SqliteStore, seq: number): Y.Doc {
  const db = new Database(store.path, { readonly: true });
  const doc = new Y.Doc();
  for (const row of db.prepare('SELECT data FROM updates WHERE room = ? AND seq <= ? ORDER BY seq').all(room, seq) as { data: Buffer }[]) {
    Y.applyUpdate(doc, row.data);
  }
  db.close();
  return doc;
}

/** Changes the stored database behind the store's back (it is closed first). */
async function tamper(store: SqliteStore, change: (db: Database.Database) => void): Promise<void> {
  await store.close();
  const db = new Database(join(dir, 'tandem.db'));
  change(db);
  db.close();
}

/** Appends an update made on the room's stored state to its log, as the server would. */
function appendChange(db: Database.Database, room: string, change: (doc: Y.Doc) => void): void {
  const doc = new Y.Doc();
  const snapshot = db.prepare('SELECT seq, data FROM snapshots WHERE room = ?').get(room) as { seq: number; data: Buffer } | undefined;
  if (snapshot) Y.applyUpdate(doc, snapshot.data);
  const rows = db.prepare('SELECT seq, data FROM updates WHERE room = ? AND seq > ? ORDER BY seq').all(room, snapshot?.seq ?? 0) as { seq: number; data: Buffer }[];
  for (const row of rows) Y.applyUpdate(doc, row.data);
  const before = Y.encodeStateVector(doc);
  change(doc);
  const last = rows.at(-1)?.seq ?? snapshot?.seq ?? 0;
  db.prepare('INSERT INTO updates (room, seq, data) VALUES (?, ?, ?)').run(room, last + 1, Buffer.from(Y.encodeStateAsUpdate(doc, before)));
}

const whats = (report: CheckReport) => report.problems.map((p) => `${p.doc}: ${p.what}`);

describe('store check', () => {
  it('SPEC 9.4 a consistent store has no problems, full or quick, also beside an open store', async () => {
    const { ids, store } = await storeOfTwo();
    for (const full of [true, false]) {
      const report = checkStore(dir, { full });
      expect(report.problems).toEqual([]);
      // Seeds and typing: the first content room keeps 3 updates after its snapshot, the second 7.
      expect(report).toMatchObject({ full, documents: 2, rooms: 4, updates: 3 + 1 + 7 + 1 });
    }
    // The store (a running server) goes on writing after a check read beside it.
    const room = roomName(ids[0], 'content');
    await store.append([{ docId: ids[0], room, update: Y.encodeStateAsUpdate(new Y.Doc()) }]);
    expect((await store.loadRoom(room)).seq).toBe(8);
    await store.close();
  });

  it('SPEC 9.4 no store at the path is an error of its own, not a finding', async () => {
    dir = await tempDir();
    expect(() => checkStore(dir)).toThrow(NoStore);
  });

  it('SPEC 9.4 an update that does not decode, and what it leaves missing, are found', async () => {
    const { ids, store } = await storeOfTwo();
    const room = roomName(ids[1], 'content');
    await tamper(store, (db) => {
      const row = db.prepare('SELECT data FROM updates WHERE room = ? AND seq = 3').get(room) as { data: Buffer };
      db.prepare('UPDATE updates SET data = ? WHERE room = ? AND seq = 3').run(row.data.subarray(0, 3), room);
    });
    const found = whats(checkStore(dir));
    expect(found).toContainEqual(expect.stringMatching(new RegExp(`^${ids[1]}: content: update seq 3 does not (decode|apply)`)));
    expect(found).toContainEqual(expect.stringMatching(new RegExp(`^${ids[1]}: content: the stored state lacks updates that later ones depend on \\(client \\d+ up to clock \\d+\\)$`)));
    expect(checkStore(dir, { full: false }).problems).toEqual([]); // only the full check replays rooms
  });

  it('SPEC 9.4 a gap in a log is found, quick and full', async () => {
    const { ids, store } = await storeOfTwo();
    await tamper(store, (db) => db.prepare('DELETE FROM updates WHERE room = ? AND seq = 5').run(roomName(ids[0], 'content')));
    const gap = `${ids[0]}: content: the log after seq 4 has gaps: 2 updates between seq 6 and 7`;
    expect(whats(checkStore(dir, { full: false }))).toEqual([gap]);
    // Replaying finds what the gap cost: the typing after it depends on the typing lost.
    expect(whats(checkStore(dir))).toEqual([gap, expect.stringMatching(/lacks updates that later ones depend on/)]);
  });

  it('SPEC 9.4 updates left at or below the snapshot, and duplicate seqs, are found', async () => {
    const { ids, store } = await storeOfTwo();
    const room = roomName(ids[0], 'content');
    await tamper(store, (db) => {
      db.prepare('INSERT INTO updates (room, seq, data) VALUES (?, 2, ?)').run(room, Buffer.from(Y.encodeStateAsUpdate(new Y.Doc())));
      // Only a damaged index lets a seq in twice: a copy of the table without its key stands in.
      db.exec(`CREATE TABLE loose AS SELECT * FROM updates; DROP TABLE updates; ALTER TABLE loose RENAME TO updates;`);
      db.prepare('INSERT INTO updates (room, seq, data) SELECT room, seq, data FROM updates WHERE room = ? AND seq = 6').run(room);
    });
    const found = whats(checkStore(dir, { full: false }));
    expect(found).toContainEqual(`${ids[0]}: content: updates at or below the snapshot's seq 4 remain (1)`);
    expect(found).toContainEqual(`${ids[0]}: content: update seq 6 is stored 2 times`);
  });

  it('SPEC 9.4 documents without rooms and rooms without documents are found', async () => {
    const { ids, store } = await storeOfTwo();
    await tamper(store, (db) => {
      db.prepare('DELETE FROM documents WHERE id = ?').run(ids[0]);
      db.prepare('DELETE FROM updates WHERE room = ?').run(roomName(ids[1], 'review'));
      db.prepare('INSERT INTO snapshots (room, seq, data) VALUES (?, 1, ?)').run('not a room', Buffer.from(Y.encodeStateAsUpdate(new Y.Doc())));
    });
    const found = whats(checkStore(dir, { full: false }));
    expect(found).toContainEqual(`${ids[0]}: room ${ids[0]} is stored, but the document is not`);
    expect(found).toContainEqual(`${ids[0]}: room ${ids[0]}/review is stored, but the document is not`);
    expect(found).toContainEqual(`${ids[1]}: its review room is not stored`);
    expect(found).toContainEqual('null: room "not a room" is no document\'s room');
  });

  it('SPEC 9.4 versions of no document, and a version whose state does not load, are found', async () => {
    const { ids, store } = await storeOfTwo();
    await tamper(store, (db) => {
      const insert = db.prepare(`INSERT INTO versions (doc_id, id, name, auto, author, created_at, content, review)
        VALUES (?, ?, 'Lost', 0, NULL, 1, ?, ?)`);
      const empty = Buffer.from(Y.encodeStateAsUpdate(new Y.Doc()));
      insert.run('ghostdoc1', 'v1', empty, empty);
      insert.run(ids[1], 'broken1', Buffer.from([1, 2, 3]), empty);
    });
    const ghost = 'ghostdoc1: 1 version is stored, but the document is not';
    expect(whats(checkStore(dir, { full: false }))).toEqual([ghost]);
    const found = whats(checkStore(dir));
    expect(found).toContainEqual(ghost);
    expect(found).toContainEqual(expect.stringMatching(new RegExp(`^${ids[1]}: version broken1 \\("Lost"\\): its content state does not load`)));
    // The Draft versions of the import load.
    expect(found).toHaveLength(2);
  });

  it('SPEC 9.4 a content room that is no article of segments, or disagrees with the review room, is found', async () => {
    const { ids, store } = await storeOfTwo();
    await tamper(store, (db) => {
      appendChange(db, roomName(ids[0], 'content'), (doc) => {
        const paragraph = new Y.XmlText();
        paragraph.setAttribute('__type', 'paragraph');
        doc.get(CONTENT_ROOT, Y.XmlText).insertEmbed(0, paragraph);
      });
      appendChange(db, roomName(ids[1], 'review'), (doc) => {
        const status = doc.getMap(ReviewRoom.status);
        status.delete([...status.keys()][0]);
        status.set('nosuchsegment', { state: 'draft', by: null, at: 0 });
        doc.getMap(ReviewRoom.source).set('othersegment', 'text');
      });
      db.prepare('UPDATE documents SET segment_count = 9 WHERE id = ?').run(ids[1]);
    });
    const found = whats(checkStore(dir));
    expect(found).toContainEqual(`${ids[0]}: content: top-level child 1 is a paragraph node, not a segment with an id`);
    expect(found).toContainEqual(expect.stringMatching(new RegExp(`^${ids[1]}: review: segment [a-z0-9]+ has no status$`)));
    expect(found).toContainEqual(`${ids[1]}: review: status of nosuchsegment, which is no segment`);
    expect(found).toContainEqual(`${ids[1]}: review: source of othersegment, which is no segment`);
    expect(found).toContainEqual(`${ids[1]}: content: 3 segments, the document record says 9`);
  });

  it('SPEC 9.4 a file SQLite cannot read is found, not thrown', async () => {
    const { store } = await storeOfTwo();
    await store.close();
    await writeFile(join(dir, 'tandem.db'), Buffer.alloc(8192, 7));
    await rm(join(dir, 'tandem.db-wal'), { force: true });
    await rm(join(dir, 'tandem.db-shm'), { force: true });
    expect(whats(checkStore(dir))).toEqual([expect.stringMatching(/^null: SQLite cannot read the store: .*SQLITE_NOTADB/)]);
  });
});
