// `npm run bench`: Tandem against the reference y-websocket server (@y/websocket-server 0.1.1) and a
// raw relay (the floor: bytes forwarded without Yjs), all measured in this run, each in its own child
// process on 127.0.0.1. A report, not a test: it asserts nothing about timing. Rounds interleave the
// servers (rotating which goes first) and the table shows medians. BENCH_QUICK=1 runs a much smaller
// version (to check that the bench works). Then the desk bench (bench/desk/run.ts): the browser
// client against bare Lexical. BENCH_ONLY=fanout,churn runs only the scenarios named (latency,
// throughput, storm, room-load, fanout, history-storm, cold-load, memory, churn, store-check, versions, align, tm-lookup,
// instances (PostgreSQL and Redis, bench/cluster.ts); `server` for all of these, `desk` for the desk bench).
import { fileURLToPath } from 'node:url';
import { printTable } from './report.js';
import { config, failures, problems, tandemLog } from './rounds.js';
import { DESK, finish, loads, log, machine, printWarnings, SCENARIOS, version, warningsOf } from './harness.js';
import { coreSuite } from './suites/core.js';
import { loadSuite } from './suites/load.js';
import { memorySuite } from './suites/memory.js';
import { storeSuite } from './suites/store.js';
import { clusterSuite } from './suites/cluster.js';
import { runDeskBench } from './desk/run.js';

// Every stock WebsocketProvider adds a process 'exit' listener; the storms open hundreds at once.
process.setMaxListeners(Math.max(config.stormClients, config.historyStorm.clients) + 50);

async function main() {
  if (SCENARIOS.length > 0) await serverBench();
  if (DESK) await runDeskBench();
}

async function serverBench() {
  const began = performance.now();
  const meta = { ...machine(), yjs: version('yjs'), reference: `@y/websocket-server ${version('@y/websocket-server')}`, scenarios: SCENARIOS };
  log(`Tandem vs ${meta.reference} and a raw relay (yjs ${meta.yjs}, Node ${meta.node}, ${meta.cpus} CPUs, load ${loads(meta.loadavgAtStart)})`);
  log(`${config.rounds} rounds per scenario (${config.freshRounds} where each round starts fresh servers), servers interleaved; each server in its own process on 127.0.0.1\n`);

  const core = await coreSuite();
  if (!core.smallArticle) throw new Error('could not read a new Tandem document, which the other servers are seeded with');
  const load = await loadSuite(core.smallArticle);
  const memory = await memorySuite(core.smallArticle);
  const store = await storeSuite();
  const cluster = await clusterSuite();

  const rows = [...core.rows, ...load.rows, ...memory.rows, ...store.rows, ...cluster.rows].filter((r) => r.tandem !== null || r.reference !== null || r.relay !== null);
  const warnings = warningsOf(tandemLog);
  log('\nResults (medians over rounds; ratios = Tandem / the other, except rates: the other / Tandem, marked (inv);');
  log('so a ratio > 1 always means Tandem is slower or uses more):\n');
  log(printTable(rows));
  log('\nNotes:');
  log('- Tandem validates, stores (SQLite, WAL, one transaction per event-loop turn) and only then broadcasts each update; the reference keeps rooms in memory only (no persistence configured);');
  log('  the relay forwards updates and presence as bytes, without Yjs, and answers a join with an empty sync (the handshake only).');
  log('- Room load: a cold Tandem room is loaded from SQLite for its first client; the reference has no persistence and serves every room from memory, so its "cold" numbers are warm ones.');
  log('  "server answered" = client created -> server\'s sync step 2 received; "client synced" adds the stock client applying the ~10,000-word article.');
  log('- Throughput and fan-out: the reference also echoes every update back to its sender (it broadcasts to all connections), Tandem and the relay skip the origin.');
  log('- Server CPU and memory are the server process\'s own (process.cpuUsage, RSS, getrusage\'s peak), reported by it over IPC; servers run on CPU 1 and the bench on CPU 0 where taskset exists.');
  log('- Storm: each round starts fresh server processes (so RSS is comparable), so it also measures each server cold, as after a restart;');
  log('  the reference\'s room is seeded with the same small article a new Tandem document holds.');
  log('- Latency and throughput clients, and all storm clients, run in the bench process, which shares the 2 CPUs with the server under test.');
  log('- Every server runs as plain JavaScript under node, as deployed (Tandem as npm start runs it, from dist/server; the reference and relay from dist/bench),');
  log('  so RSS includes each process\'s Node runtime and no TypeScript loader.');
  log('- Instances (14): Tandem alone on PostgreSQL and Redis, every instance on CPU 1 as above (the database and Redis where the system puts them), so more instances share');
  log('  one core: the ratios to one instance show what the cluster costs, not the capacity more machines would add. CPU is the instances\' summed, not the database\'s or Redis\'.');
  if (problems.list.length > 0 || failures.list.length > 0) {
    log(`\nPROBLEMS: ${problems.list.length} unexpected close(s) or error(s), ${failures.list.length} failed run(s):`);
    for (const p of problems.list.slice(0, 20)) log(`  - [${p.scenario}] ${p.server}: ${p.what}`);
    for (const line of failures.lines()) log(line);
  } else {
    log('\nNo connection was refused or closed by either server during the bench.');
  }
  printWarnings(warnings);
  finish(fileURLToPath(new URL('./results/latest.json', import.meta.url)), began, (end) => ({
    meta: { ...meta, ...end },
    config,
    summary: rows,
    rounds: { ...core.rounds, ...load.rounds, ...memory.rounds, ...store.rounds, ...cluster.rounds },
    problems: problems.list,
    failures: failures.list,
    tandemWarnings: warnings,
  }));
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
