// `npm run bench`: Tandem against the reference y-websocket server (@y/websocket-server 0.1.1), both
// measured in this run, each in its own child process on 127.0.0.1. A report, not a test: it asserts
// nothing about timing. Rounds interleave the two servers (alternating which goes first) and the
// table shows medians. BENCH_QUICK=1 runs a much smaller version (to check that the bench works).
// Then the desk bench (bench/desk/run.ts): the browser client against bare Lexical. BENCH_ONLY=server
// or BENCH_ONLY=desk runs only one of the two.
import { cpus, loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Problems, readState, type ClientContext } from './clients.js';
import { startServer, type BenchServer, type ServerKind } from './servers.js';
import { median, p95 } from './stats.js';
import { settle, sleep } from './wait.js';
import { printTable, row, writeJson, type Row } from './report.js';
import { runLatency, type LatencyResult } from './scenarios/latency.js';
import { runThroughput, type ThroughputResult } from './scenarios/throughput.js';
import { runStorm, type StormResult } from './scenarios/storm.js';
import { articleText, measureRoom, prepareReferenceRooms, prepareTandemRooms, type RoomLoadSample } from './scenarios/room-load.js';
import { runDeskBench } from './desk/run.js';

const QUICK = process.env.BENCH_QUICK === '1';
const ONLY = process.env.BENCH_ONLY ?? '';
const config = {
  rounds: QUICK ? 1 : 5,
  /** The storm starts two fresh server processes per round, so it gets fewer rounds. */
  stormRounds: QUICK ? 1 : 3,
  latency: { readers: 5, intervalMs: 5, durationMs: QUICK ? 1000 : 2000 },
  throughputUpdates: QUICK ? 1000 : 5000,
  stormClients: QUICK ? 50 : 200,
  rooms: QUICK ? 4 : 20,
  /** Rooms measured first and not counted (JIT warm-up of both servers and of the client). */
  warmupRooms: QUICK ? 1 : 2,
  words: 10_000,
};

// Every stock WebsocketProvider adds a process 'exit' listener; the storm opens hundreds at once.
process.setMaxListeners(config.stormClients + 50);

const KINDS: ServerKind[] = ['tandem', 'reference'];
const order = (round: number): ServerKind[] => (round % 2 === 0 ? KINDS : [...KINDS].reverse());
type PerServer<T> = Record<ServerKind, T[]>;
const perServer = <T>(): PerServer<T> => ({ tandem: [], reference: [] });

const problems = new Problems();
const failures: Array<{ scenario: string; server: ServerKind; round: number; error: string }> = [];
const tandemLog: string[] = [];
const log = (message: string) => process.stdout.write(`${message}\n`);

/** Runs one measurement; a failure is recorded (and reported), never retried. */
async function attempt<T>(scenario: string, server: BenchServer, round: number, run: (ctx: ClientContext) => Promise<T>): Promise<T | undefined> {
  try {
    return await run({ server, scenario, problems });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    failures.push({ scenario, server: server.kind, round, error: message });
    log(`  ! ${scenario} on ${server.kind} (round ${round + 1}) failed: ${message}`);
    return undefined;
  }
}

async function withServers<T>(run: (servers: Record<ServerKind, BenchServer>) => Promise<T>): Promise<T> {
  const [tandem, reference] = await Promise.all([startServer('tandem'), startServer('reference')]);
  try {
    return await run({ tandem, reference });
  } finally {
    tandemLog.push(...tandem.logLines());
    await Promise.all([tandem.stop(), reference.stop()]);
  }
}

const ms = (v: number) => `${v.toFixed(2)} ms`;

async function latencyAndThroughput() {
  const latency = perServer<LatencyResult>();
  const throughput = perServer<ThroughputResult>();
  let smallArticle: Uint8Array | undefined;
  await withServers(async (servers) => {
    // The Yjs state of a new Tandem document (the storm seeds the reference's room with it).
    smallArticle = await attempt('setup', servers.tandem, 0, async (ctx) => readState(ctx, await ctx.server.createRoom()));
    log('warming up both servers (not measured)');
    for (const kind of KINDS) {
      await attempt('warm-up', servers[kind], 0, (ctx) => runLatency(ctx, { ...config.latency, durationMs: 500 }));
      await attempt('warm-up', servers[kind], 0, (ctx) => runThroughput(ctx, 1000));
    }
    log(`1. latency: 1 writer + ${config.latency.readers} readers, an insert every ${config.latency.intervalMs} ms for ${config.latency.durationMs / 1000} s`);
    for (let round = 0; round < config.rounds; round++) {
      for (const kind of order(round)) {
        await settle(300);
        const result = await attempt('latency', servers[kind], round, (ctx) => runLatency(ctx, config.latency));
        if (!result) continue;
        latency[kind].push(result);
        log(`  round ${round + 1} ${kind.padEnd(9)} median ${ms(result.medianMs)}, p95 ${ms(result.p95Ms)} (${result.sent} inserts, ${result.samples} deliveries)`);
      }
    }
    log(`2. throughput: ${config.throughputUpdates} small updates sent back to back, until a reader has them all`);
    for (let round = 0; round < config.rounds; round++) {
      for (const kind of order(round)) {
        await settle(300);
        const result = await attempt('throughput', servers[kind], round, (ctx) => runThroughput(ctx, config.throughputUpdates));
        if (!result) continue;
        throughput[kind].push(result);
        log(`  round ${round + 1} ${kind.padEnd(9)} ${Math.round(result.updatesPerSecond)} updates/s (${result.seconds.toFixed(2)} s, server CPU ${result.serverCpuUsPerUpdate.toFixed(0)} µs/update)`);
      }
    }
  });
  return { latency, throughput, smallArticle };
}

async function storm(smallArticle: Uint8Array | undefined) {
  const results = perServer<StormResult>();
  log(`3. connection storm: ${config.stormClients} clients open at once on one room (a fresh server process per round)`);
  for (let round = 0; round < config.stormRounds; round++) {
    for (const kind of order(round)) {
      const server = await startServer(kind);
      try {
        await settle(1000);
        const result = await attempt('storm', server, round, (ctx) => runStorm(ctx, config.stormClients, kind === 'reference' ? smallArticle : undefined));
        if (!result) continue;
        results[kind].push(result);
        log(`  round ${round + 1} ${kind.padEnd(9)} all synced in ${result.seconds.toFixed(2)} s, RSS ${result.rssBeforeMiB.toFixed(0)} -> ${result.rssAfterMiB.toFixed(0)} MiB, server CPU ${result.serverCpuMs.toFixed(0)} ms`);
      } finally {
        if (kind === 'tandem') tandemLog.push(...server.logLines());
        await server.stop();
      }
    }
  }
  return results;
}

async function roomLoad() {
  const results = perServer<RoomLoadSample>();
  log(`4. room load: ${config.rooms} rooms (+${config.warmupRooms} not counted) holding a ${config.words.toLocaleString('en-US')}-word article; one new client per room, then a second`);
  await withServers(async (servers) => {
    const text = articleText(config.words);
    const started = performance.now();
    const count = config.warmupRooms + config.rooms;
    const tandem = await prepareTandemRooms({ server: servers.tandem, scenario: 'room load', problems }, count, text);
    const reference = await prepareReferenceRooms({ server: servers.reference, scenario: 'room load', problems }, count, tandem.state);
    log(`  prepared in ${((performance.now() - started) / 1000).toFixed(1)} s; article state ${(tandem.stateBytes / 1024).toFixed(0)} KiB`);
    // Let Tandem unload the template room it loaded to learn the state (ROOM_IDLE_MS, 5 s by default).
    await sleep(6000);
    const prepared = { tandem, reference };
    for (let i = 0; i < count; i++) {
      for (const kind of order(i)) {
        await settle(100);
        const sample = await attempt('room load', servers[kind], i, () => measureRoom(prepared[kind], prepared[kind].rooms[i]));
        if (sample && i >= config.warmupRooms) results[kind].push(sample);
      }
    }
    for (const kind of KINDS) {
      const m = (pick: (s: RoomLoadSample) => number) => ms(median(results[kind].map(pick)));
      log(
        `  ${kind.padEnd(9)} cold: answer ${m((s) => s.cold.answerMs)}, synced ${m((s) => s.cold.syncedMs)}; ` +
          `loaded: answer ${m((s) => s.loaded.answerMs)}, synced ${m((s) => s.loaded.syncedMs)} (medians)`,
      );
    }
  });
  return results;
}

function summarize(
  lt: Awaited<ReturnType<typeof latencyAndThroughput>>,
  st: PerServer<StormResult>,
  rl: PerServer<RoomLoadSample>,
): Row[] {
  const of = <T>(results: PerServer<T>, pick: (r: T) => number, stat: (v: number[]) => number = median) => {
    const value = (kind: ServerKind) => (results[kind].length > 0 ? stat(results[kind].map(pick)) : null);
    return [value('tandem'), value('reference')] as const;
  };
  const latencyName = `1. latency (${config.latency.readers} readers)`;
  const throughputName = `2. throughput (${config.throughputUpdates} updates)`;
  const stormName = `3. storm (${config.stormClients} clients)`;
  const roomName = `4. room load (${config.rooms} rooms)`;
  return [
    row(latencyName, 'median', 'ms', ...of(lt.latency, (r) => r.medianMs)),
    row(latencyName, 'p95', 'ms', ...of(lt.latency, (r) => r.p95Ms)),
    row(throughputName, 'rate', 'updates/s', ...of(lt.throughput, (r) => r.updatesPerSecond), true),
    row(throughputName, 'server CPU per update', 'µs', ...of(lt.throughput, (r) => r.serverCpuUsPerUpdate)),
    row(stormName, 'time until all synced', 's', ...of(st, (r) => r.seconds)),
    row(stormName, 'server CPU during storm', 'ms', ...of(st, (r) => r.serverCpuMs)),
    row(stormName, 'server RSS after', 'MiB', ...of(st, (r) => r.rssAfterMiB)),
    row(stormName, 'server RSS growth', 'MiB', ...of(st, (r) => r.rssAfterMiB - r.rssBeforeMiB)),
    row(roomName, 'cold room: server answered, median', 'ms', ...of(rl, (r) => r.cold.answerMs)),
    row(roomName, 'cold room: server answered, p95', 'ms', ...of(rl, (r) => r.cold.answerMs, p95)),
    row(roomName, 'cold room: client synced, median', 'ms', ...of(rl, (r) => r.cold.syncedMs)),
    row(roomName, 'loaded room: server answered, median', 'ms', ...of(rl, (r) => r.loaded.answerMs)),
    row(roomName, 'loaded room: client synced, median', 'ms', ...of(rl, (r) => r.loaded.syncedMs)),
  ];
}

function version(pkg: string): string {
  try {
    const path = fileURLToPath(new URL(`../node_modules/${pkg}/package.json`, import.meta.url));
    return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

async function main() {
  if (!['', 'server', 'desk'].includes(ONLY)) throw new Error(`BENCH_ONLY must be "server" or "desk", not "${ONLY}"`);
  if (ONLY !== 'desk') await serverBench();
  if (ONLY !== 'server') await runDeskBench();
}

async function serverBench() {
  const began = performance.now();
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    loadavgAtStart: loadavg(),
    yjs: version('yjs'),
    reference: `@y/websocket-server ${version('@y/websocket-server')}`,
    quick: QUICK,
  };
  log(`Tandem vs ${meta.reference} (yjs ${meta.yjs}, Node ${meta.node}, ${meta.cpus} CPUs, load ${meta.loadavgAtStart.map((l) => l.toFixed(2)).join(' ')})`);
  log(`${config.rounds} rounds per scenario (storm: ${config.stormRounds}), servers interleaved; each server in its own process on 127.0.0.1\n`);

  const lt = await latencyAndThroughput();
  const st = await storm(lt.smallArticle);
  const rl = await roomLoad();

  const rows = summarize(lt, st, rl);
  const warnings = tandemLog.filter((line) => /"level":(4|5|6)\d/.test(line));
  log('\nResults (medians over rounds; ratio = Tandem / reference, except rates: reference / Tandem, marked R/T;');
  log('so a ratio > 1 always means Tandem is slower or uses more):\n');
  log(printTable(rows));
  log('\nNotes:');
  log('- Tandem validates, stores (SQLite, WAL, one transaction per event-loop turn) and only then broadcasts each update; the reference keeps rooms in memory only (no persistence configured).');
  log('- Room load: a cold Tandem room is loaded from SQLite for its first client; the reference has no persistence and serves every room from memory, so its "cold" numbers are warm ones.');
  log('  "server answered" = client created -> server\'s sync step 2 received; "client synced" adds the stock client applying the ~10,000-word article.');
  log('- Throughput: the reference also echoes every update back to its sender (it broadcasts to all connections), Tandem skips the origin.');
  log('- Storm: each round starts fresh server processes (so RSS is comparable), so it also measures each server cold, as after a restart;');
  log('  the reference\'s room is seeded with the same small article a new Tandem document holds.');
  log('- Latency and throughput clients, and all storm clients, run in the bench process, which shares the 2 CPUs with the server under test.');
  log('- RSS includes each process\'s Node runtime and tsx loader (both servers are started with node --import tsx).');
  if (problems.list.length > 0 || failures.length > 0) {
    log(`\nPROBLEMS: ${problems.list.length} unexpected close(s) or error(s), ${failures.length} failed run(s):`);
    for (const p of problems.list.slice(0, 20)) log(`  - [${p.scenario}] ${p.server}: ${p.what}`);
    for (const f of failures.slice(0, 20)) log(`  - [${f.scenario}] ${f.server} round ${f.round + 1}: ${f.error}`);
  } else {
    log('\nNo connection was refused or closed by either server during the bench.');
  }
  if (warnings.length > 0) {
    log(`Tandem logged ${warnings.length} warning(s)/error(s); first ones:`);
    for (const line of warnings.slice(0, 5)) log(`  ${line.slice(0, 300)}`);
  }
  const seconds = (performance.now() - began) / 1000;
  const loadAtEnd = loadavg();
  log(`\nLoad average at the end: ${loadAtEnd.map((l) => l.toFixed(2)).join(' ')} on ${meta.cpus} CPUs (other work on the machine adds noise).`);
  const out = fileURLToPath(new URL('./results/latest.json', import.meta.url));
  writeJson(out, {
    meta: { ...meta, loadavgAtEnd: loadAtEnd, seconds },
    config,
    summary: rows,
    rounds: { latency: lt.latency, throughput: lt.throughput, storm: st, roomLoad: rl },
    problems: problems.list,
    failures,
    tandemWarnings: warnings,
  });
  log(`\nWrote ${out} (${seconds.toFixed(0)} s in all)`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
