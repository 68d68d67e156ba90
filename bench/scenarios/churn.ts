// Scenario 9, churn: articles opened and closed in turn (a few at once), each by one socket that
// syncs the whole document and leaves. The server's resident set (after a garbage collection) once
// the first twentieth is done, and again at the end once idle rooms had time to unload: it should
// stay flat, whatever number of articles passed through.
import { syncedSocket, type ClientContext } from '../clients.js';
import type { RoomRef } from '../servers.js';
import { sleep } from '../wait.js';

export interface ChurnResult {
  articles: number;
  seconds: number;
  startMiB: number;
  endMiB: number;
  /** The JavaScript heap in use at the same two moments: what grows if something is kept. */
  startHeapMiB: number;
  endHeapMiB: number;
}

const AT_ONCE = 4;
/** Longer than Tandem's ROOM_IDLE_MS (5 s by default), after which an unheld room unloads. */
const IDLE_WAIT_MS = 6500;

/** `room(i)`: article i's room, and the state to write into it first where the server keeps none. */
export async function runChurn(ctx: ClientContext, articles: number, room: (i: number) => { ref: RoomRef; seed?: Uint8Array }): Promise<ChurnResult> {
  const warm = Math.ceil(articles / 20);
  let next = 0;
  let start = { rssBytes: 0, heapUsedBytes: 0 };
  const started = performance.now();
  const worker = async () => {
    while (next < articles) {
      const i = next++;
      const { ref, seed } = room(i);
      (await syncedSocket(ctx, ref, seed)).close();
      if (i === warm) start = await ctx.server.usage({ gc: true });
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  const seconds = (performance.now() - started) / 1000;
  await sleep(IDLE_WAIT_MS);
  const end = await ctx.server.usage({ gc: true });
  const mib = (bytes: number) => bytes / 2 ** 20;
  return { articles, seconds, startMiB: mib(start.rssBytes), endMiB: mib(end.rssBytes), startHeapMiB: mib(start.heapUsedBytes), endHeapMiB: mib(end.heapUsedBytes) };
}
