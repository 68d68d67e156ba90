// Scenario 2, throughput: one writer sends N small updates (each appends 8 characters to a Y.Text)
// back to back; the clock runs from the first byte written until a reader has received all of them.
// The load generator does as little per update as it can, so the figure is the server's: the updates
// are encoded, framed and masked before the clock starts and written to the writer's socket in one
// go, and the reader is a raw socket that only reads each message's client ids and clocks
// (`Y.parseUpdateMeta`), applying nothing: it counts the writer's characters as they arrive, merged
// into fewer messages or not.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import type { Socket } from 'node:net';
import { rawSocket, updateMessage, type ClientContext } from '../clients.js';
import { clientFrames } from '../frames.js';
import { withTimeout } from '../wait.js';
import { usageOf } from '../server-usage.js';
import type { BenchServer } from '../servers.js';

export interface ThroughputResult {
  updates: number;
  seconds: number;
  updatesPerSecond: number;
  /** Server CPU time (user + system) per update during the run, in µs. */
  serverCpuUsPerUpdate: number;
}

const CHUNK = 'abcdefg ';
const cache = new Map<number, { clientId: number; frames: Buffer }>();

/** N y-websocket update messages, each one small insert, from one scratch client, as client frames. */
function updateFrames(n: number): { clientId: number; frames: Buffer } {
  let prepared = cache.get(n);
  if (prepared) return prepared;
  const doc = new Y.Doc();
  const text = doc.getText('bench');
  const messages: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => messages.push(updateMessage(update)));
  for (let i = 0; i < n; i++) text.insert(text.length, CHUNK);
  prepared = { clientId: doc.clientID, frames: clientFrames(messages) };
  doc.destroy();
  cache.set(n, prepared);
  return prepared;
}

/** How many of `clientId`'s characters (clocks) an update message carries; 0 for anything else. */
function clocksOf(message: Uint8Array, clientId: number): number {
  if (message[0] !== 0 || (message[1] !== 2 && message[1] !== 1)) return 0;
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder); // sync
  decoding.readVarUint(decoder); // step 2 or update
  const { from, to } = Y.parseUpdateMeta(decoding.readVarUint8Array(decoder));
  const start = from.get(clientId);
  return start === undefined ? 0 : (to.get(clientId) ?? start) - start;
}

/**
 * `instances`: servers sharing one store (scenario 14): the writer on the first, a reader on each,
 * the clock stopping once every reader has it all; CPU is theirs summed.
 */
export async function runThroughput(ctx: ClientContext, updates: number, instances: BenchServer[] = [ctx.server]): Promise<ThroughputResult> {
  const { clientId, frames } = updateFrames(updates);
  const failed = ctx.problems.watch();
  const ref = await ctx.server.createRoom();
  const readers = instances.map((server) => rawSocket({ ...ctx, server }, ref));
  const writer = rawSocket(ctx, ref);
  try {
    await withTimeout(Promise.race([Promise.all([...readers.map((r) => r.ready), writer.ready]), failed]), 20_000, 'throughput: connecting');
    const expected = updates * CHUNK.length;
    const seen = readers.map(() => 0);
    const complete = Promise.all(
      readers.map((reader, i) => new Promise<number>((resolve) => {
        reader.ws.on('message', (data: Buffer) => {
          seen[i] += clocksOf(data, clientId);
          if (seen[i] === expected) resolve(performance.now());
        });
      })),
    ).then((times) => Math.max(...times));
    const cpuBefore = (await usageOf(instances)).cpuMs;
    const started = performance.now();
    (writer.ws as unknown as { _socket: Socket })._socket.write(frames);
    const progress = () => seen.map((n) => n / CHUNK.length).join(', ');
    const finished = await withTimeout(Promise.race([complete, failed]), 60_000, `throughput: delivery (${progress()} of ${updates})`);
    const seconds = (finished - started) / 1000;
    const serverCpuUsPerUpdate = (((await usageOf(instances)).cpuMs - cpuBefore) * 1000) / updates;
    return { updates, seconds, updatesPerSecond: updates / seconds, serverCpuUsPerUpdate };
  } finally {
    writer.close();
    for (const reader of readers) reader.close();
  }
}
