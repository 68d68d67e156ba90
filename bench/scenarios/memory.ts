// Scenario 8, memory per thing: the server's resident set (after a garbage collection) once one
// article is open (so the code that serves one is loaded), after `rooms.length - 1` more articles are
// loaded (one socket each), then after `connections` idle sockets join the first of them (each showing
// presence once, as a client does when it connects). The caller starts a fresh server, Tandem on a
// store that already holds the articles, so nothing the preparation allocated is counted.
import { presenceMessage, syncedSocket, type ClientContext } from '../clients.js';
import type { RoomRef } from '../servers.js';

export interface MemoryResult {
  /** Resident set: what the machine gives the process (the allocator may keep or return pages). */
  perArticleKiB: number;
  perConnectionKiB: number;
  /** The JavaScript heap in use: steadier, but without buffers and native memory. */
  perArticleHeapKiB: number;
  perConnectionHeapKiB: number;
}

/**
 * `rooms`: the articles' rooms, the first to warm up with, each with the state to write into it
 * first where the server keeps nothing itself (the reference); loading it is then that socket's write.
 */
export async function runMemory(ctx: ClientContext, rooms: Array<{ ref: RoomRef; seed?: Uint8Array }>, connections: number): Promise<MemoryResult> {
  const sockets: Array<{ close(): void; ws: { send(data: Uint8Array): void } }> = [];
  try {
    const [first, ...rest] = rooms;
    sockets.push(await syncedSocket(ctx, first.ref, first.seed));
    const base = await ctx.server.usage({ gc: true });
    for (const { ref, seed } of rest) sockets.push(await syncedSocket(ctx, ref, seed));
    const loaded = await ctx.server.usage({ gc: true });
    for (let i = 0; i < connections; i++) {
      const socket = await syncedSocket(ctx, rest[0].ref);
      socket.ws.send(presenceMessage(1_000_000 + i, 1, { user: { name: `idle ${i}` } }));
      sockets.push(socket);
    }
    const connected = await ctx.server.usage({ gc: true });
    const per = (bytes: (u: typeof base) => number) => {
      const perConnection = (bytes(connected) - bytes(loaded)) / connections;
      const perArticle = (bytes(loaded) - bytes(base)) / rest.length - perConnection;
      return { perArticle: perArticle / 1024, perConnection: perConnection / 1024 };
    };
    const rss = per((u) => u.rssBytes);
    const heap = per((u) => u.heapUsedBytes);
    return { perArticleKiB: rss.perArticle, perConnectionKiB: rss.perConnection, perArticleHeapKiB: heap.perArticle, perConnectionHeapKiB: heap.perConnection };
  } finally {
    for (const socket of sockets) socket.close();
  }
}
