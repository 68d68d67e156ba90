// The store counted unreachable (SPEC 17.17): a real SQLite store, a real room registry, the health
// told of a failure as a failed append group tells it.
import { rm } from 'node:fs/promises';
import * as Y from 'yjs';
import { afterEach, expect, it } from 'vitest';
import { RoomRegistry } from '../../../server/collab/registry.js';
import { createDocument } from '../../../server/documents/create.js';
import { createLogger } from '../../../server/logger.js';
import { createMetrics } from '../../../server/metrics.js';
import { GroupCommit } from '../../../server/storage/group-commit.js';
import { openSqliteStore, type SqliteStore } from '../../../server/storage/sqlite.js';
import { StoreHealth } from '../../../server/storage/store-health.js';
import { StoreUnavailable } from '../../../server/storage/store.js';
import { eventually } from '../../helpers/eventually.js';
import { tempDir } from './temp-store.js';

let dir: string;
let store: SqliteStore;
let health: StoreHealth;
afterEach(async () => {
  health?.close();
  await store?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('SPEC 17.17 while the store counts as unreachable a server write or edit changes nothing and is refused, and once its probe answers writes are taken and stored again', async () => {
  dir = await tempDir();
  store = openSqliteStore({ dir });
  const logger = createLogger('silent');
  health = new StoreHealth(store, logger);
  const { id } = await createDocument(store, { format: 'text', sourceLang: 'en', targetLang: 'bn', target: 'এক\n\nদুই' });
  const rooms = new RoomRegistry(
    { store, commit: new GroupCommit(store), logger, metrics: createMetrics(), compactEvery: 1000, maxDocumentBytes: 10_000_000, health },
    { ms: 60_000, max: 100 },
  );
  const room = await rooms.acquire(id, 'review');
  const before = Y.encodeStateVector(room.doc);

  health.failed(new Error('connection terminated'));
  expect(room.writable).toBe(false);
  await expect(room.write((doc) => doc.getMap('notes').set('a', 1))).rejects.toBeInstanceOf(StoreUnavailable);
  const edit = new Y.Doc();
  edit.getMap('notes').set('b', 2);
  expect(() => room.apply(Y.encodeStateAsUpdate(edit), 'server')).toThrow(StoreUnavailable);
  expect(Y.encodeStateVector(room.doc)).toEqual(before);

  // The probe pings the store, which answers.
  await eventually(() => expect(room.writable).toBe(true));
  await room.write((doc) => doc.getMap('notes').set('a', 1));
  const reloaded = new Y.Doc();
  const log = await store.loadRoom(`${id}/review`);
  for (const update of [log.snapshot, ...log.updates]) if (update) Y.applyUpdate(reloaded, update);
  expect(reloaded.getMap('notes').toJSON()).toEqual({ a: 1 });
  rooms.release(room);
  room.destroy();
});
