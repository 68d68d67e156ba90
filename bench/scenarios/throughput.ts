// Scenario 2, throughput: one writer sends N small pre-encoded updates (each appends 8 characters to
// a Y.Text) back to back on a raw socket; the clock runs from the first send until a stock reader's
// text holds all of them. Pre-encoding keeps the writer's own Yjs work out of the measurement.
import * as Y from 'yjs';
import { connectClient, rawSocket, updateMessage, type ClientContext } from '../clients.js';
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
const cache = new Map<number, Uint8Array[]>();

/** N y-websocket update messages, each one small insert, from one scratch client. */
function updateMessages(n: number): Uint8Array[] {
  let messages = cache.get(n);
  if (messages) return messages;
  const doc = new Y.Doc();
  const text = doc.getText('bench');
  messages = [];
  const list = messages;
  doc.on('update', (update: Uint8Array) => list.push(updateMessage(update)));
  for (let i = 0; i < n; i++) text.insert(text.length, CHUNK);
  doc.destroy();
  cache.set(n, messages);
  return messages;
}

/**
 * `instances`: servers sharing one store (scenario 14): the writer on the first, a reader on each,
 * the clock stopping once every reader has it all; CPU is theirs summed.
 */
export async function runThroughput(ctx: ClientContext, updates: number, instances: BenchServer[] = [ctx.server]): Promise<ThroughputResult> {
  const messages = updateMessages(updates);
  const failed = ctx.problems.watch();
  const ref = await ctx.server.createRoom();
  const readers = instances.map((server) => connectClient({ ...ctx, server }, ref));
  const writer = rawSocket(ctx, ref);
  try {
    await withTimeout(Promise.race([Promise.all([...readers.map((r) => r.synced), writer.ready]), failed]), 20_000, 'throughput: initial sync');
    const texts = readers.map((reader) => reader.doc.getText('bench'));
    const expected = updates * CHUNK.length;
    const complete = Promise.all(
      texts.map((text) => new Promise<number>((resolve) => {
        text.observe(() => {
          if (text.length === expected) resolve(performance.now());
        });
      })),
    ).then((times) => Math.max(...times));
    const cpuBefore = (await usageOf(instances)).cpuMs;
    const started = performance.now();
    for (const message of messages) writer.ws.send(message);
    const seen = () => texts.map((text) => text.length / CHUNK.length).join(', ');
    const finished = await withTimeout(Promise.race([complete, failed]), 60_000, `throughput: delivery (${seen()} of ${updates})`);
    const seconds = (finished - started) / 1000;
    const serverCpuUsPerUpdate = (((await usageOf(instances)).cpuMs - cpuBefore) * 1000) / updates;
    return { updates, seconds, updatesPerSecond: updates / seconds, serverCpuUsPerUpdate };
  } finally {
    writer.close();
    for (const reader of readers) reader.destroy();
  }
}
