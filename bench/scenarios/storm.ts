// Scenarios 3 and 6, connection storms: `clients` clients open at once on one room of a freshly
// started server; the clock runs until every one has synced. The server's RSS is read before the
// storm and once the storm has settled, with every client still connected. The caller gives every
// server the same article in the room (the relay answers with the handshake only), so each answers
// every client with the same sync step 2.
//
// Two kinds of client: `stock` ones (y-websocket providers, each with its own Y.Doc) are synced when
// they have applied the server's state, which on a long article is mostly the load generator's own
// Yjs work, 100 times over in this one process; `raw` ones say on the wire what a stock client says
// as it opens (sync step 1 with nothing, its presence; an empty sync step 2 to the server's step 1)
// and are synced when the server's sync step 2 has arrived whole, applying nothing: that time is the
// server's, up to its last byte sent.
import * as encoding from 'lib0/encoding';
import { connectClient, presenceMessage, rawSocket, type ClientContext } from '../clients.js';
import type { RoomRef } from '../servers.js';
import { sleep, withTimeout } from '../wait.js';

export type StormClients = 'stock' | 'raw';

export interface StormResult {
  clients: number;
  seconds: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  /** Server CPU time (user + system) from the first connection until all synced, in ms. */
  serverCpuMs: number;
  /** Raw clients: the bytes of the sync step 2 each received (the smallest). */
  stateBytes?: number;
}

/** Presence traffic (every join is broadcast to every peer) settles within this after the last sync. */
const SETTLE_MS = 1000;

function syncMessage(step: 0 | 1, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** A stock client's first words on an empty doc: sync step 1 (state vector: nothing), then its presence. */
const ASK_ALL = syncMessage(0, Uint8Array.of(0));
/** An empty doc's answer to the server's sync step 1: an update with no structs and no deletions. */
const HAVE_NOTHING = syncMessage(1, Uint8Array.of(0, 0));

interface Joiner {
  synced: Promise<void>;
  /** The length of the sync step 2 received, once it has been. */
  stateBytes(): number;
  destroy(): void;
}

function rawJoiner(ctx: ClientContext, ref: RoomRef): Joiner {
  const socket = rawSocket(ctx, ref);
  const clientId = Math.floor(Math.random() * 2 ** 31);
  let bytes = 0;
  socket.ws.on('open', () => {
    socket.ws.send(ASK_ALL);
    socket.ws.send(presenceMessage(clientId, 1, {}));
  });
  const synced = new Promise<void>((resolve) => {
    socket.ws.on('message', (data: Buffer) => {
      if (data[0] !== 0) return;
      if (data[1] === 0) socket.ws.send(HAVE_NOTHING);
      else if (data[1] === 1 && bytes === 0) {
        bytes = data.length;
        resolve();
      }
    });
  });
  return { synced, stateBytes: () => bytes, destroy: () => socket.close() };
}

function stockJoiner(ctx: ClientContext, ref: RoomRef): Joiner {
  const client = connectClient(ctx, ref);
  return { synced: client.synced, stateBytes: () => 0, destroy: () => client.destroy() };
}

export async function runStorm(ctx: ClientContext, clients: number, ref: RoomRef, kind: StormClients = 'stock'): Promise<StormResult> {
  const failed = ctx.problems.watch();
  await sleep(500);
  const rssBeforeMiB = (await ctx.server.usage()).rssBytes / 2 ** 20;
  const opened: Joiner[] = [];
  const join = kind === 'raw' ? rawJoiner : stockJoiner;
  try {
    const cpuBefore = (await ctx.server.usage()).cpuMs;
    const started = performance.now();
    for (let i = 0; i < clients; i++) opened.push(join(ctx, ref));
    await withTimeout(Promise.race([Promise.all(opened.map((c) => c.synced)), failed]), 90_000, `storm: ${clients} ${kind} clients syncing`);
    const seconds = (performance.now() - started) / 1000;
    const serverCpuMs = (await ctx.server.usage()).cpuMs - cpuBefore;
    await sleep(SETTLE_MS);
    const rssAfterMiB = (await ctx.server.usage()).rssBytes / 2 ** 20;
    const result: StormResult = { clients, seconds, rssBeforeMiB, rssAfterMiB, serverCpuMs };
    if (kind === 'raw') result.stateBytes = Math.min(...opened.map((c) => c.stateBytes()));
    return result;
  } finally {
    for (const client of opened) client.destroy();
  }
}
