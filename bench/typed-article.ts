// A Tandem store holding one article with a long history: a new document typed `count` keystrokes
// through the server by one writer, as fast as the server takes them (compacting as it goes), then
// the server killed (so its log is left as a crash leaves it). Rounds start servers on copies of it.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStoredAck } from '../shared/wire.js';
import { rawSocket, readState, type ClientContext, type Problems } from './clients.js';
import { keystrokes } from './keystrokes.js';
import { startServer, type RoomRef } from './servers.js';
import { withTimeout } from './wait.js';

export interface TypedArticle {
  /** The prepared data directory (start Tandem on a copy: `startServer('tandem', { dataDir })`). */
  dataDir: string;
  ref: RoomRef;
  /** The article's Yjs state at the end, as a client sees it (to seed the other servers with). */
  state: Uint8Array;
  keystrokes: number;
}

export async function prepareTypedArticle(problems: Problems, count: number): Promise<TypedArticle> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tandem-bench-typed-'));
  const server = await startServer('tandem', { dataDir, keepDataDir: true });
  const ctx: ClientContext = { server, scenario: `typing a ${count}-keystroke article`, problems };
  try {
    const ref = await server.createRoom();
    const { messages } = keystrokes(await readState(ctx, ref), count);
    const writer = rawSocket(ctx, { room: ref.room, params: { ...ref.params, ack: '1' } });
    const failed = problems.watch();
    await withTimeout(Promise.race([writer.ready, failed]), 20_000, `${ctx.scenario}: connecting`);
    const stored = new Promise<void>((resolve) => {
      writer.ws.on('message', (data: Buffer) => {
        if (readStoredAck(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)) === count) resolve();
      });
    });
    for (const message of messages) writer.ws.send(message);
    await withTimeout(Promise.race([stored, failed]), 300_000, `${ctx.scenario}: storing`);
    const state = await readState(ctx, ref);
    writer.close();
    return { dataDir, ref, state, keystrokes: count };
  } finally {
    await server.stop('SIGKILL');
  }
}
