// SQLite's write-ahead log is checkpointed on a thread of its own, never inside a commit (SPEC 4.11).
import { mkdtemp, rm } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createDocument } from '../../server/documents/create.js';
import { openSqliteStore } from '../../server/storage/sqlite.js';
import { CHECKPOINT_MS } from '../../server/storage/sqlite-checkpoints.js';
import { roomName } from '../../shared/schema.js';

let dir: string;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** `count` updates of ~4 KB each (a page of the log or more apiece), as one client typing. */
function updates(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => out.push(update));
  for (let i = 0; i < count; i++) doc.getText('t').insert(0, `${i}`.padEnd(4000, 'x'));
  return out;
}

describe('SQLite checkpoints', () => {
  it('SPEC 4.11 the write-ahead log stays bounded while edits go on: it is checkpointed every CHECKPOINT_MS, though no commit checkpoints', { timeout: 60_000 }, async () => {
    dir = await mkdtemp(join(tmpdir(), 'tandem-checkpoints-'));
    const store = openSqliteStore({ dir });
    try {
      expect(store.pragma('wal_autocheckpoint')).toBe(0);
      const { id } = await createDocument(store, { format: 'text', sourceLang: 'en', targetLang: 'bn', target: 'এক' });
      const room = roomName(id, 'content');
      const all = updates(900);
      // Six bursts, each two checkpoint intervals from the last: without checkpoints the log would
      // hold all 900 updates (~4.5 MB); checkpointed, SQLite writes it again from its start once a
      // checkpoint has copied all of it, so it stays near one burst's size (~0.75 MB).
      for (let burst = 0; burst < 6; burst++) {
        await store.append(all.slice(burst * 150, (burst + 1) * 150).map((update) => ({ docId: id, room, update })));
        await sleep(CHECKPOINT_MS * 2);
      }
      const log = statSync(join(dir, 'tandem.db-wal')).size;
      expect(log).toBeLessThan(2.5 * 1024 * 1024);
      expect((await store.loadRoom(room)).updates.length).toBeGreaterThanOrEqual(900);
    } finally {
      await store.close();
    }
  });
});
