// What every server-bench suite shares: the configuration, the servers' order per round (interleaved,
// rotating which goes first), one attempt per measurement (bench/harness.ts), the problems seen and
// Tandem's log.
import { Problems, type ClientContext } from './clients.js';
import { startServer, type BenchServer, type ServerKind } from './servers.js';
import { Failures, QUICK, rotated, SCENARIOS } from './harness.js';

export const config = {
  rounds: QUICK ? 1 : 3,
  /** Suites that start fresh server processes per round get fewer rounds. */
  freshRounds: QUICK ? 1 : 3,
  latency: { readers: 5, intervalMs: 5, durationMs: QUICK ? 1000 : 2000 },
  throughputUpdates: QUICK ? 2000 : 20_000,
  /** A throughput round takes a second or less, so it runs more of them: one busy moment moves its median less. */
  throughputRounds: QUICK ? 1 : 7,
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
export const order = (round: number, kinds: ServerKind[] = KINDS): ServerKind[] => rotated(round, kinds);

export type PerServer<T> = Record<ServerKind, T[]>;
export const perServer = <T>(): PerServer<T> => ({ tandem: [], reference: [], relay: [] });

export const problems = new Problems();
export const failures = new Failures();
export const tandemLog: string[] = [];
export const ms = (v: number) => `${v.toFixed(2)} ms`;

export function wanted(scenario: string): boolean {
  return SCENARIOS.includes(scenario);
}

/** Runs one measurement; a failure is recorded (and reported), never retried. */
export function attempt<T>(scenario: string, server: BenchServer, round: number, run: (ctx: ClientContext) => Promise<T>): Promise<T | undefined> {
  return failures.attempt(scenario, server.kind, round, () => run({ server, scenario, problems }));
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
