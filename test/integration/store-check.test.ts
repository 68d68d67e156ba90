import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDocument } from '../../server/documents/create.js';
import { createLogger } from '../../server/logger.js';
import { openSqliteStore } from '../../server/storage/sqlite.js';
import { roomName } from '../../shared/schema.js';
import { connectProvider } from '../helpers/clients.js';
import { eventually } from '../helpers/eventually.js';
import { startTestServer } from '../helpers/server.js';

let dir: string;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Every row of a room's log and snapshot, to show nothing was written to it. */
function storedRows(room: string): unknown[] {
  const db = new Database(join(dir, 'tandem.db'), { readonly: true });
  try {
    return [
      ...db.prepare('SELECT seq, hex(data) AS data FROM snapshots WHERE room = ?').all(room),
      ...db.prepare('SELECT seq, hex(data) AS data FROM updates WHERE room = ? ORDER BY seq').all(room),
    ];
  } finally {
    db.close();
  }
}

describe('store check at start', () => {
  it('SPEC 4.9 the server checks the store as it starts, logs what it finds and serves every document that loads; one that does not is refused and left as stored', async () => {
    dir = await mkdtemp(join(tmpdir(), 'tandem-check-start-'));
    const first = await startTestServer({}, dir);
    const broken = await first.createDocument();
    const sound = await first.createDocument();
    await first.close();

    const db = new Database(join(dir, 'tandem.db'));
    // A content room whose stored state no longer decodes, and a room left of a deleted document.
    db.prepare('UPDATE updates SET data = ? WHERE room = ?').run(Buffer.from([1, 200, 7]), roomName(broken.id, 'content'));
    db.prepare('INSERT INTO updates (room, seq, data) VALUES (?, 1, ?)').run('gone000000', Buffer.from([0, 0]));
    db.close();
    const before = storedRows(roomName(broken.id, 'content'));

    let logs = '';
    const sink = new Writable({ write: (chunk, _enc, done) => ((logs += chunk), done()) });
    const server = await startTestServer({}, dir, createLogger('warn', sink));
    try {
      const problems = logs.split('\n').filter(Boolean).map((line) => JSON.parse(line));
      expect(problems).toContainEqual(expect.objectContaining({ level: 50, doc: 'gone000000', msg: 'store check found a problem' }));
      expect(problems).toContainEqual(expect.objectContaining({ level: 40, problems: 1, msg: 'the store is inconsistent: run tandem check for details' }));

      const refused = connectProvider(server.wsUrl, broken.id, { token: broken.tokens.editor });
      await eventually(() => expect(refused.closes[0]?.code).toBe(1011));
      refused.destroy();
      expect((await server.api('GET', `/api/documents/${broken.id}`)).status).toBe(500);

      const served = connectProvider(server.wsUrl, sound.id, { token: sound.tokens.editor });
      await eventually(() => expect(served.provider.synced).toBe(true));
      served.destroy();
      expect((await server.api('GET', `/api/documents/${sound.id}`)).body.segments).toHaveLength(3);
    } finally {
      await server.close();
    }
    expect(storedRows(roomName(broken.id, 'content'))).toEqual(before);
  });
});

describe('tandem check', () => {
  const tandem = (...args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'check', ...args]);

  // Each run is a new Node process compiling TypeScript on the fly: slow on a busy machine.
  it('SPEC 9.4 prints one line per problem and a summary; exits 0 when consistent, 1 with problems, 2 on usage errors', { timeout: 120_000 }, async () => {
    dir = await mkdtemp(join(tmpdir(), 'tandem-check-cli-'));
    const store = openSqliteStore({ dir });
    const { id } = await createDocument(store, { format: 'text', sourceLang: 'en', targetLang: 'bn', target: 'এক\n\nদুই' });
    await store.close();

    const consistent = await tandem('--data-dir', dir);
    expect(consistent.stdout).toMatch(/^checked 1 document \(2 rooms, 2 stored updates\) in \d+ ms: consistent\n$/);

    const db = new Database(join(dir, 'tandem.db'));
    db.prepare('DELETE FROM updates WHERE room = ?').run(roomName(id, 'review'));
    db.close();
    await expect(tandem('--data-dir', dir)).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringMatching(new RegExp(`^${id}: its review room is not stored\nchecked 1 document \\(1 room, 1 stored update\\) in \\d+ ms: 1 problem\n$`)),
    });

    const nowhere = join(dir, 'nowhere');
    await expect(tandem('--data-dir', nowhere)).rejects.toMatchObject({ code: 2, stderr: `no Tandem store in ${nowhere} (no tandem.db)\n` });
    await expect(tandem('--bogus')).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/^Unknown option '--bogus'.*\n\nUsage:/s) });
  });
});
