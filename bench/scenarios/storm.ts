// Scenario 3, connection storm: `clients` stock providers (with their default presence) open at once
// on one room of a freshly started server; the clock runs until every one has synced. The server's
// RSS is read before the storm and once the storm has settled, with every client still connected.
// The caller gives every server the same article in the room (the relay answers with the handshake
// only), so each answers every client with the same sync step 2.
import { connectClient, type Client, type ClientContext } from '../clients.js';
import type { RoomRef } from '../servers.js';
import { sleep, withTimeout } from '../wait.js';

export interface StormResult {
  clients: number;
  seconds: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  /** Server CPU time (user + system) from the first connection until all synced, in ms. */
  serverCpuMs: number;
}

/** Presence traffic (every join is broadcast to every peer) settles within this after the last sync. */
const SETTLE_MS = 1000;

export async function runStorm(ctx: ClientContext, clients: number, ref: RoomRef): Promise<StormResult> {
  const failed = ctx.problems.watch();
  await sleep(500);
  const rssBeforeMiB = (await ctx.server.usage()).rssBytes / 2 ** 20;
  const opened: Client[] = [];
  try {
    const cpuBefore = (await ctx.server.usage()).cpuMs;
    const started = performance.now();
    for (let i = 0; i < clients; i++) opened.push(connectClient(ctx, ref));
    await withTimeout(Promise.race([Promise.all(opened.map((c) => c.synced)), failed]), 90_000, `storm: ${clients} clients syncing`);
    const seconds = (performance.now() - started) / 1000;
    const serverCpuMs = (await ctx.server.usage()).cpuMs - cpuBefore;
    await sleep(SETTLE_MS);
    const rssAfterMiB = (await ctx.server.usage()).rssBytes / 2 ** 20;
    return { clients, seconds, rssBeforeMiB, rssAfterMiB, serverCpuMs };
  } finally {
    for (const client of opened) client.destroy();
  }
}
