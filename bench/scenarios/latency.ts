// Scenario 1, editor-to-peer latency: one writer and some readers in one room. Every ~intervalMs the
// writer inserts a short text and sets marks[seq] in the same transaction (one update); latency is
// the time from that transaction to each reader's doc observing marks[seq]. All clients live in this
// process, so one clock (performance.now) measures both ends.
import { connectClient, type ClientContext } from '../clients.js';
import { median, p95 } from '../stats.js';
import { withTimeout } from '../wait.js';
import type { BenchServer } from '../servers.js';

export interface LatencyOptions {
  readers: number;
  intervalMs: number;
  durationMs: number;
}

export interface LatencyResult {
  sent: number;
  samples: number;
  medianMs: number;
  p95Ms: number;
}

/** Readers spread over instances sharing one store (scenario 14), and each delivery as it comes. */
export interface LatencyPlacement {
  /** Reader i connects to readersOn[i % readersOn.length]. */
  readersOn: BenchServer[];
  observe(server: number, seq: number, latencyMs: number): void;
}

export async function runLatency(ctx: ClientContext, { readers, intervalMs, durationMs }: LatencyOptions, placement?: LatencyPlacement): Promise<LatencyResult> {
  const failed = ctx.problems.watch();
  const ref = await ctx.server.createRoom();
  const writer = connectClient(ctx, ref);
  const readersOn = placement?.readersOn ?? [ctx.server];
  const peers = Array.from({ length: readers }, (_, i) => connectClient({ ...ctx, server: readersOn[i % readersOn.length] }, ref));
  const everyone = [writer, ...peers];
  try {
    await withTimeout(Promise.race([Promise.all(everyone.map((c) => c.synced)), failed]), 20_000, 'latency: initial sync');

    const sentAt: number[] = [];
    const latencies: number[] = [];
    let sent = 0;
    let received = 0;
    let allReceived: () => void = () => {};
    const done = new Promise<void>((resolve) => (allReceived = resolve));
    let writing = true;
    peers.forEach((peer, i) => {
      peer.doc.getMap<number>('marks').observe((event) => {
        const now = performance.now();
        for (const key of event.keysChanged) {
          const at = sentAt[Number(key)];
          if (at === undefined) continue;
          latencies.push(now - at);
          placement?.observe(i % readersOn.length, Number(key), now - at);
          received++;
        }
        if (!writing && received === sent * readers) allReceived();
      });
    });

    const text = writer.doc.getText('bench');
    const marks = writer.doc.getMap<number>('marks');
    await new Promise<void>((resolve) => {
      const started = performance.now();
      const timer = setInterval(() => {
        if (performance.now() - started >= durationMs) {
          clearInterval(timer);
          return resolve();
        }
        const seq = sent++;
        sentAt[seq] = performance.now();
        writer.doc.transact(() => {
          text.insert(text.length, `w${seq} `);
          marks.set(String(seq), seq);
        });
      }, intervalMs);
    });
    writing = false;
    if (received === sent * readers) allReceived();
    await withTimeout(Promise.race([done, failed]), 20_000, `latency: delivery (${received}/${sent * readers} seen)`);
    return { sent, samples: latencies.length, medianMs: median(latencies), p95Ms: p95(latencies) };
  } finally {
    for (const client of everyone) client.destroy();
  }
}
