// A Tandem store holding `count` articles of one text (small by default), made straight in the store
// (one created as the API creates it, the rest copies of its rooms under new ids), with an editor
// token for each, signed with the store's own key: ten thousand documents in seconds rather than
// minutes of imports. `state` is the article's content room as stored (to seed other servers with).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '../shared/ids.js';
import { roomName } from '../shared/schema.js';
import { createDocument } from '../server/documents/create.js';
import { openSqliteStore } from '../server/storage/sqlite.js';
import { createTokenIssuer, newSecret } from '../server/auth/tokens.js';
import type { RoomRef } from './servers.js';

const SMALL = 'Headline\n\nFirst paragraph.\n\nSecond paragraph.';

export async function prepareManyArticles(count: number, target = SMALL): Promise<{ dataDir: string; refs: RoomRef[]; state: Uint8Array }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tandem-bench-many-'));
  const store = openSqliteStore({ dir: dataDir });
  try {
    const tokens = createTokenIssuer(await store.getOrSetSetting('token-secret', newSecret), newSecret());
    const first = await createDocument(store, { sourceLang: 'en', targetLang: 'bn', format: 'text', target });
    const content = (await store.loadRoom(roomName(first.id, 'content'))).updates[0];
    const review = (await store.loadRoom(roomName(first.id, 'review'))).updates[0];
    const ids = [first.id];
    for (let i = 1; i < count; i++) {
      const id = newId(12);
      await store.createDocument({ ...first, id }, { [roomName(id, 'content')]: content, [roomName(id, 'review')]: review });
      ids.push(id);
    }
    const refs = await Promise.all(ids.map(async (id) => ({ room: id, params: { token: await tokens.sign({ doc: id, role: 'editor', gen: first.tokenGeneration }) } })));
    return { dataDir, refs, state: content };
  } finally {
    await store.close();
  }
}
