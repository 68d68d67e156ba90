// Scenario 14, instances: Tandem alone, as 1, 2 and 3 instances on one PostgreSQL database and one
// Redis (bench/cluster.ts), clients spread over them; each figure also as a ratio to one instance.
// Then the hop through Redis: a writer's readers on its instance and on another, in one room.
import { median, p95 } from '../stats.js';
import { settle } from '../wait.js';
import { row, type Row } from '../report.js';
import { attempt, config, ms, tandemLog, wanted } from '../rounds.js';
import { log } from '../harness.js';
import { runFanout, type FanoutResult } from '../scenarios/fanout.js';
import { runThroughput, type ThroughputResult } from '../scenarios/throughput.js';
import { runLatency } from '../scenarios/latency.js';
import { clusterUnavailable, withCluster } from '../cluster.js';

interface ClusterRound {
  instances: number;
  fanout?: FanoutResult;
  throughput?: ThroughputResult;
}

const keepLog = (lines: string[]) => tandemLog.push(...lines);

/** The counts in a round's order, rotated each round so none always goes first. */
function countsOf(round: number): number[] {
  const counts = config.instances.counts;
  const shift = round % counts.length;
  return [...counts.slice(shift), ...counts.slice(0, shift)];
}

async function scaling(): Promise<ClusterRound[]> {
  const { fanout: f, throughputUpdates } = config.instances;
  log(`14. instances: ${config.instances.counts.join(', ')} Tandem instances on one PostgreSQL database and one Redis (a fresh database per round), clients spread over them in turn:`);
  log(`  fan-out ${f.rooms} rooms × ${f.clients} sockets, ${f.typists} typists each every ${f.intervalMs} ms (${f.durationMs / 1000} s measured); throughput ${throughputUpdates} updates from one writer, a stock reader on every instance`);
  const results: ClusterRound[] = [];
  for (let round = 0; round < config.freshRounds; round++) {
    for (const count of countsOf(round)) {
      await withCluster(count, async (instances) => {
        await settle(500);
        const result: ClusterRound = { instances: count };
        result.fanout = await attempt('instances', instances[0], round, (ctx) => runFanout(ctx, f, new Uint8Array(), instances));
        await settle(300);
        result.throughput = await attempt('instances', instances[0], round, (ctx) => runThroughput(ctx, throughputUpdates, instances));
        results.push(result);
        const fo = result.fanout;
        const th = result.throughput;
        log(
          `  round ${round + 1} ${count} instance${count > 1 ? 's' : ' '} ` +
            (fo ? `fan-out p50 ${ms(fo.p50Ms)}, p99 ${ms(fo.p99Ms)}, CPU ${fo.serverCpuMsPer1000.toFixed(1)} ms per 1,000 deliveries (${fo.deliveries}); ` : 'fan-out failed; ') +
            (th ? `throughput ${Math.round(th.updatesPerSecond)} updates/s, CPU ${th.serverCpuUsPerUpdate.toFixed(1)} µs/update` : 'throughput failed'),
        );
      }, keepLog);
    }
  }
  return results;
}

interface HopRound {
  /** Median latency of the readers on the writer's instance, and of those on the other. */
  sameMs: number;
  otherMs: number;
  /** Median over inserts of what the other instance's readers waited longer than the writer's own. */
  addedMs: number;
  addedP95Ms: number;
}

/**
 * The hop through Redis, measured in pairs: one writer on A, half its readers on A and half on B, in
 * one room, so both halves see each insert under the same load on the machine.
 */
async function redisHop(): Promise<HopRound[]> {
  const latency = config.instances.latency;
  const results: HopRound[] = [];
  log(`  the hop through Redis: 2 instances, 1 writer on A, ${latency.readers / 2} stock readers on A and ${latency.readers / 2} on B in the same room, an insert every ${latency.intervalMs} ms for ${latency.durationMs / 1000} s`);
  await withCluster(2, async (instances) => {
    const [a] = instances;
    const ignore = { readersOn: instances, observe: () => {} };
    await attempt('instances', a, 0, (ctx) => runLatency(ctx, { ...latency, durationMs: 500 }, ignore)); // warm-up, not counted
    for (let round = 0; round < config.rounds; round++) {
      await settle(300);
      const bySeq = new Map<number, [number[], number[]]>();
      const observe = (server: number, seq: number, ms: number) => {
        const pair = bySeq.get(seq) ?? [[], []];
        pair[server].push(ms);
        bySeq.set(seq, pair);
      };
      const result = await attempt('instances', a, round, (ctx) => runLatency(ctx, latency, { readersOn: instances, observe }));
      if (!result) continue;
      const pairs = [...bySeq.values()];
      const added = pairs.map(([same, other]) => median(other) - median(same));
      const hop = { sameMs: median(pairs.flatMap(([same]) => same)), otherMs: median(pairs.flatMap(([, other]) => other)), addedMs: median(added), addedP95Ms: p95(added) };
      results.push(hop);
      log(`  round ${round + 1} readers on A ${ms(hop.sameMs)}, on B ${ms(hop.otherMs)} (medians); B later by ${ms(hop.addedMs)} median, ${ms(hop.addedP95Ms)} p95 (${result.sent} inserts)`);
    }
  }, keepLog);
  return results;
}

export async function clusterSuite(): Promise<{ rows: Row[]; rounds: object }> {
  if (!wanted('instances')) return { rows: [], rounds: {} };
  const unavailable = await clusterUnavailable();
  if (unavailable) {
    log(`14. instances: skipped, ${unavailable}`);
    return { rows: [], rounds: {} };
  }
  const rounds = await scaling();
  const hop = await redisHop();

  const stat = (count: number, pick: (r: ClusterRound) => number | undefined) => {
    const values = rounds.filter((r) => r.instances === count).map(pick).filter((v): v is number => v !== undefined);
    return values.length > 0 ? median(values) : null;
  };
  const metrics: Array<{ metric: string; unit: string; pick: (r: ClusterRound) => number | undefined }> = [
    { metric: 'fan-out p50 latency', unit: 'ms', pick: (r) => r.fanout?.p50Ms },
    { metric: 'fan-out p99 latency', unit: 'ms', pick: (r) => r.fanout?.p99Ms },
    { metric: 'server CPU per 1,000 deliveries, all instances', unit: 'ms', pick: (r) => r.fanout?.serverCpuMsPer1000 },
    { metric: 'throughput', unit: 'updates/s', pick: (r) => r.throughput?.updatesPerSecond },
    { metric: 'server CPU per update, all instances', unit: 'µs', pick: (r) => r.throughput?.serverCpuUsPerUpdate },
  ];
  const rows: Row[] = [];
  for (const count of config.instances.counts) {
    const name = `14. instances (${count} on PostgreSQL + Redis)`;
    for (const { metric, unit, pick } of metrics) {
      const value = stat(count, pick);
      const one = stat(1, pick);
      rows.push(row(name, metric, unit, { tandem: value }));
      if (count > 1) rows.push(row(name, `${metric}, ratio to 1 instance`, '×', { tandem: value !== null && one !== null ? value / one : null }));
    }
  }
  const hopName = '14. instances (Redis hop, 2 instances)';
  const hopStat = (pick: (r: HopRound) => number) => (hop.length > 0 ? median(hop.map(pick)) : null);
  rows.push(
    row(hopName, 'readers on the writer\'s instance: median', 'ms', { tandem: hopStat((r) => r.sameMs) }),
    row(hopName, 'readers on the other instance: median', 'ms', { tandem: hopStat((r) => r.otherMs) }),
    row(hopName, 'the hop adds, per insert: median', 'ms', { tandem: hopStat((r) => r.addedMs) }),
    row(hopName, 'the hop adds, per insert: p95', 'ms', { tandem: hopStat((r) => r.addedP95Ms) }),
  );
  return { rows, rounds: { instances: rounds, redisHop: hop } };
}
