// What every server-bench suite shares: the configuration, the servers' order per round (interleaved,
// alternating which goes first), one attempt per measurement (a failure is recorded, never retried),
// the problems seen and the log.
import { Problems, type ClientContext } from './clients.js';
import { startServer, type BenchServer, type ServerKind } from './servers.js';

export const QUICK = process.env.BENCH_QUICK === '1';
/** The server bench's scenarios, in the order they run. */
export const SERVER_SCENARIOS = ['latency', 'throughput', 'storm', 'room-load', 'fanout', 'history-storm', 'cold-load', 'memory', 'churn', 'store-check', 'versions', 'align', 'tm-lookup', 'instances'];
/**
 * BENCH_ONLY=fanout,history-storm runs only the scenarios named; `server` stands for all of the
 * server bench's, `desk` for the desk bench (bench/desk/run.ts). Everything by default.
 */
export const ONLY = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const unknown = ONLY.filter((name) => name !== 'server' && name !== 'desk' && !SERVER_SCENARIOS.includes(name));
if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown scenario ${unknown.join(', ')} (known: server, desk, ${SERVER_SCENARIOS.join(', ')})`);
export const SCENARIOS = ONLY.length === 0 || ONLY.includes('server') ? SERVER_SCENARIOS : ONLY.filter((name) => name !== 'desk');
export const DESK = ONLY.length === 0 || ONLY.includes('desk');

export const config = {
  rounds: QUICK ? 1 : 3,
  /** Suites that start fresh server processes per round get fewer rounds. */
  freshRounds: QUICK ? 1 : 3,
  latency: { readers: 5, intervalMs: 5, durationMs: QUICK ? 1000 : 2000 },
  throughputUpdates: QUICK ? 2000 : 20_000,
  stormClients: QUICK ? 50 : 200,
  rooms: QUICK ? 4 : 20,
  /** Rooms measured first and not counted (JIT warm-up of both servers and of the client). */
  warmupRooms: QUICK ? 1 : 2,
  words: 10_000,
  fanout: { rooms: 10, clients: 20, typists: 5, intervalMs: 50, warmupMs: QUICK ? 1000 : 3000, durationMs: QUICK ? 2000 : 8000 },
  /** The storm on an article with a long history: keystrokes typed into it, clients joining at once. */
  historyStorm: { keystrokes: QUICK ? 2000 : 20_000, clients: 100 },
  coldLoadKeystrokes: QUICK ? 10_000 : 100_000,
  memory: { articles: QUICK ? 3 : 10, connections: QUICK ? 200 : 1000 },
  churnArticles: QUICK ? 1000 : 10_000,
  /** One pass of ten thousand articles per server: flat or not shows in one. */
  churnRounds: 1,
  storeCheck: { docs: QUICK ? 30 : 300, edits: 200 },
  /** Translation memories of these many generated units, and lookups in each. */
  tmLookup: { sizes: QUICK ? [1000] : [10_000, 100_000], lookups: QUICK ? 20 : 100 },
  /** Tandem instances on one PostgreSQL database and one Redis: smaller loads, as every instance, the database and Redis share the machine. */
  instances: {
    counts: [1, 2, 3],
    fanout: { rooms: 6, clients: 12, typists: 3, intervalMs: 50, warmupMs: QUICK ? 1000 : 2000, durationMs: QUICK ? 2000 : 6000 },
    throughputUpdates: QUICK ? 1000 : 5000,
    /** Half the readers on the writer's instance, half on another. */
    latency: { readers: 6, intervalMs: 5, durationMs: QUICK ? 1000 : 3000 },
  },
};

export const KINDS: ServerKind[] = ['tandem', 'reference', 'relay'];
/** The kinds in a round's order: rotated each round, so none always goes first. */
export function order(round: number, kinds: ServerKind[] = KINDS): ServerKind[] {
  const shift = round % kinds.length;
  return [...kinds.slice(shift), ...kinds.slice(0, shift)];
}

export type PerServer<T> = Record<ServerKind, T[]>;
export const perServer = <T>(): PerServer<T> => ({ tandem: [], reference: [], relay: [] });

export const problems = new Problems();
export const failures: Array<{ scenario: string; server: ServerKind; round: number; error: string }> = [];
export const tandemLog: string[] = [];
export const log = (message: string) => process.stdout.write(`${message}\n`);
export const ms = (v: number) => `${v.toFixed(2)} ms`;

export function wanted(scenario: string): boolean {
  return SCENARIOS.includes(scenario);
}

/** Runs one measurement; a failure is recorded (and reported), never retried. */
export async function attempt<T>(scenario: string, server: BenchServer, round: number, run: (ctx: ClientContext) => Promise<T>): Promise<T | undefined> {
  try {
    return await run({ server, scenario, problems });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    failures.push({ scenario, server: server.kind, round, error: message });
    log(`  ! ${scenario} on ${server.kind} (round ${round + 1}) failed: ${message}`);
    return undefined;
  }
}

/** Runs `run` on a freshly started server of `kind`, stopped afterwards (Tandem's log kept). */
export async function withServer<T>(kind: ServerKind, run: (server: BenchServer) => Promise<T>, options?: Parameters<typeof startServer>[1]): Promise<T> {
  const server = await startServer(kind, options);
  try {
    return await run(server);
  } finally {
    if (kind === 'tandem') tandemLog.push(...server.logLines());
    await server.stop();
  }
}

/** Runs `run` with one server of each of `kinds` started at once. */
export async function withServers<T>(kinds: ServerKind[], run: (servers: Partial<Record<ServerKind, BenchServer>>) => Promise<T>): Promise<T> {
  const started = await Promise.all(kinds.map((kind) => startServer(kind)));
  try {
    return await run(Object.fromEntries(started.map((server) => [server.kind, server])));
  } finally {
    for (const server of started) if (server.kind === 'tandem') tandemLog.push(...server.logLines());
    await Promise.all(started.map((server) => server.stop()));
  }
}
