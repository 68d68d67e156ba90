// Scenario 5, fan-out: `rooms` rooms of `clients` sockets each, `typists` of which type a keystroke
// every `intervalMs` (an update and a caret move, as an editor sends them); every other socket of the
// room must receive each keystroke. Latency runs from the keystroke's send to each receipt; server CPU
// is the server's own process.cpuUsage over the measured window, per 1,000 deliveries; peak RSS is
// the server process's largest resident set (the caller starts a fresh one per round).
// The sockets are raw (no Yjs in the load generator): a keystroke is known by its first struct's
// client id and clock, which every server keeps whether it forwards the bytes or encodes them anew
// (with several Tandem instances, scenario 14, by every client id and clock a message carries).
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { presenceMessage, rawSocket, readState, seedRoom, type ClientContext } from '../clients.js';
import { keystrokes, type Keystrokes } from '../keystrokes.js';
import { percentile } from '../stats.js';
import { sleep, withTimeout } from '../wait.js';
import { usageOf } from '../server-usage.js';
import type { BenchServer } from '../servers.js';

export interface FanoutOptions {
  rooms: number;
  clients: number;
  typists: number;
  intervalMs: number;
  warmupMs: number;
  durationMs: number;
}

export interface FanoutResult {
  keystrokes: number;
  deliveries: number;
  p50Ms: number;
  p99Ms: number;
  serverCpuMsPer1000: number;
  peakRssMiB: number;
}

/** The first struct's client id and clock of a y-websocket update message; null for anything else. */
function keystrokeKey(message: Uint8Array): string | null {
  if (message[0] !== 0 || message[1] !== 2) return null;
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder); // sync
  decoding.readVarUint(decoder); // update
  decoding.readVarUint(decoder); // the update's length
  if (decoding.readVarUint(decoder) === 0) return null; // clients with structs
  decoding.readVarUint(decoder); // structs of the first client
  return `${decoding.readVarUint(decoder)}:${decoding.readVarUint(decoder)}`;
}

/**
 * Every keystroke an update message carries, by client id and clock: an instance passes on several
 * at once, merged, when another instance's arrive together (SPEC 17.10).
 */
function keystrokeKeys(message: Uint8Array): string[] {
  if (message[0] !== 0 || message[1] !== 2) return [];
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder); // sync
  decoding.readVarUint(decoder); // update
  const { from, to } = Y.parseUpdateMeta(decoding.readVarUint8Array(decoder));
  const keys: string[] = [];
  for (const [client, start] of from) for (let clock = start; clock < (to.get(client) ?? start); clock++) keys.push(`${client}:${clock}`);
  return keys;
}

/**
 * `article`: the reference's and the relay's rooms are seeded with it; Tandem's rooms hold their own.
 * `instances`: servers sharing one store (scenario 14), each room's sockets spread over them in turn;
 * rooms are made on the first, CPU is theirs summed, peak RSS the largest, and every delivery is
 * decoded whole (with one instance too, so the load generator's work is the same for every count).
 */
export async function runFanout(ctx: ClientContext, o: FanoutOptions, article: Uint8Array, instances?: BenchServer[]): Promise<FanoutResult> {
  const servers = instances ?? [ctx.server];
  const failed = ctx.problems.watch();
  const keystrokesPerTypist = Math.ceil((o.warmupMs + o.durationMs) / o.intervalMs) + 10;
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let measuring = false;
  let measuredFrom = Infinity;
  let deliveries = 0;
  let expected = 0;
  let allDelivered = () => {};

  const sockets: Array<ReturnType<typeof rawSocket>> = [];
  const typists: Array<{ socket: ReturnType<typeof rawSocket>; keys: Keystrokes; keyOf: string[] }> = [];
  try {
    for (let r = 0; r < o.rooms; r++) {
      const ref = await ctx.server.createRoom();
      if (ctx.server.kind === 'tandem') article = await readState(ctx, ref);
      else await seedRoom(ctx, ref, article);
      for (let c = 0; c < o.clients; c++) {
        const socket = rawSocket({ ...ctx, server: servers[(r + c) % servers.length] }, ref);
        sockets.push(socket);
        const own = c < o.typists ? keystrokes(article, keystrokesPerTypist, c) : null;
        const received = (key: string) => {
          const at = sentAt.get(key);
          if (at === undefined || (own && key.startsWith(`${own.clientId}:`))) return; // not typed here, or an echo
          if (at >= measuredFrom) {
            latencies.push(performance.now() - at);
            if (++deliveries === expected) allDelivered();
          }
        };
        socket.ws.on('message', (data: Buffer) => {
          if (instances) for (const key of keystrokeKeys(data)) received(key);
          else {
            const key = keystrokeKey(data);
            if (key !== null) received(key);
          }
        });
        if (own) typists.push({ socket, keys: own, keyOf: own.messages.map((m) => keystrokeKey(m)!) });
      }
    }
    await withTimeout(Promise.race([Promise.all(sockets.map((s) => s.ready)), failed]), 60_000, 'fan-out: connecting');
    await sleep(500);

    let typed = 0;
    const timers: NodeJS.Timeout[] = [];
    typists.forEach((typist, t) => {
      let i = 0;
      const type = () => {
        if (i >= typist.keys.messages.length) return;
        const now = performance.now();
        sentAt.set(typist.keyOf[i], now);
        if (measuring) typed++;
        typist.socket.ws.send(typist.keys.messages[i]);
        typist.socket.ws.send(presenceMessage(typist.keys.clientId, i + 1, { user: { name: `typist ${t}` }, cursor: { anchor: i, head: i } }));
        i++;
      };
      // Typists start spread over one interval, as people who do not type in step.
      timers.push(setTimeout(() => timers.push(setInterval(type, o.intervalMs)), (t / typists.length) * o.intervalMs));
    });
    await sleep(o.warmupMs);
    const cpuBefore = (await usageOf(servers)).cpuMs;
    measuredFrom = performance.now();
    measuring = true;
    await Promise.race([sleep(o.durationMs), failed]);
    measuring = false;
    for (const timer of timers) clearInterval(timer);
    expected = typed * (o.clients - 1);
    const delivered = new Promise<void>((resolve) => (allDelivered = resolve));
    if (deliveries >= expected) allDelivered();
    await withTimeout(Promise.race([delivered, failed]), 30_000, `fan-out: delivery (${deliveries}/${expected})`);
    const usage = await usageOf(servers);
    return {
      keystrokes: typed,
      deliveries,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      serverCpuMsPer1000: ((usage.cpuMs - cpuBefore) * 1000) / deliveries,
      peakRssMiB: usage.peakRssBytes / 2 ** 20,
    };
  } finally {
    for (const socket of sockets) socket.close();
  }
}
