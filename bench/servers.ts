// Starts and stops the servers under test, each in its own child process on 127.0.0.1, port 0, all
// as plain JavaScript under node, as they are deployed: Tandem as `npm start` runs it (dist/server,
// scripts/spawn-tandem.ts) in a temporary DATA_DIR, the reference and the raw relay (the floor) from
// bench/reference-server.ts and bench/relay-server.ts compiled into dist/bench (npm run build:bench).
// Each preloads the compiled bench/server-probe.ts, which reports its CPU time and memory over IPC.
// Both builds are made first when missing or older than their sources. Where taskset exists, servers
// run on CPU 1 and the bench (the load generator) on CPU 0, so the two do not take turns on one core.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { CONFIG } from '../bin/stale-build.js';
import { ensureBuilt, SERVER_BUILD, spawnNodeServer, spawnTandem, type NodeServer, type NodeServerOptions } from '../scripts/spawn-tandem.js';
import { withTimeout } from './wait.js';
import type { ServerUsage } from './server-probe.js';

export type ServerKind = 'tandem' | 'reference' | 'relay';

export interface ServerOptions {
  /** Tandem: start on a copy of this data directory (a prepared store)… */
  dataDir?: string;
  /** …or on the directory itself, kept when the server stops (to prepare a store). */
  keepDataDir?: boolean;
  /** Extra environment (Tandem's limits, say). */
  env?: Record<string, string>;
}

/** Where a client connects: the provider's room name and URL parameters. */
export interface RoomRef {
  room: string;
  params: Record<string, string>;
}

export interface BenchServer {
  kind: ServerKind;
  pid: number;
  /** The serverUrl handed to WebsocketProvider (it appends `/<room>?<params>`). */
  wsUrl: string;
  /** A fresh room. Tandem: a new document (its target text `target`); the others: a new name. */
  createRoom(target?: string): Promise<RoomRef>;
  /** The server process's CPU time and memory so far, as it reports them (`gc`: collect first). */
  usage(options?: { gc?: boolean }): Promise<ServerUsage>;
  /** Lines the server wrote to stdout/stderr after starting (Tandem logs warnings there as JSON). */
  logLines(): string[];
  /** SIGTERM (a clean shutdown), or SIGKILL (a crash: Tandem's log is left as it was). */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/** The reference, the relay and the probe as JavaScript. */
const BENCH_SERVERS = {
  built: 'dist/bench/server-probe.js',
  script: 'build:bench',
  sources: ['bench/server-probe.ts', 'bench/reference-server.ts', 'bench/relay-server.ts', 'bench/tsconfig.servers.json', ...CONFIG],
};
const SCRIPTS = { reference: 'dist/bench/reference-server.js', relay: 'dist/bench/relay-server.js' };
/** One for every instance: instances of one cluster share it, as a deployment's do. */
const ADMIN_TOKEN = `bench-admin-${randomBytes(12).toString('hex')}`;
const PIN = hasTaskset();
if (PIN) execFileSync('taskset', ['-a', '-cp', '0', String(process.pid)], { stdio: 'ignore' });

export async function startServer(kind: ServerKind, options: ServerOptions = {}): Promise<BenchServer> {
  // Both builds before any server starts: a build blocks this process, and a server's startup timer.
  ensureBuilt([SERVER_BUILD, BENCH_SERVERS]);
  if (kind === 'tandem') return startTandem(options);
  return startNamedRooms(kind, SCRIPTS[kind], options);
}

/** How every server under test runs: with the probe, on CPU 1 where it can, with an IPC channel. */
function measured(env: Record<string, string> = {}): NodeServerOptions {
  // BENCH_CPU_PROF=<dir>: every server writes a V8 CPU profile there as it stops (node --cpu-prof).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  return {
    nodeFlags: ['--expose-gc', ...profile, '--import', `./${BENCH_SERVERS.built}`],
    prefix: PIN ? ['taskset', '-c', '1'] : [],
    env,
    ipc: true,
  };
}

async function startTandem(options: ServerOptions): Promise<BenchServer> {
  const kept = options.keepDataDir && options.dataDir;
  const dataDir = kept || (await mkdtemp(join(tmpdir(), 'tandem-bench-')));
  if (options.dataDir && !kept) await cp(options.dataDir, dataDir, { recursive: true });
  const server = await spawnTandem({ from: 'build', dataDir, adminToken: ADMIN_TOKEN, ...measured(options.env) }).catch(async (error) => {
    if (!kept) await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    ...benchServer('tandem', server),
    wsUrl: server.wsUrl,
    async createRoom(target = 'Headline\n\nFirst paragraph.\n\nSecond paragraph.') {
      const doc = await server.createDocument({ sourceLang: 'en', targetLang: 'bn', format: 'text', target });
      return { room: doc.id, params: { token: doc.tokens.editor } };
    },
    async stop(signal) {
      await server.stop(signal);
      if (!kept) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The reference or the relay: rooms are names, made up by the client. */
async function startNamedRooms(kind: ServerKind, script: string, options: ServerOptions): Promise<BenchServer> {
  const server = await spawnNodeServer(script, [], /listening (http:\/\/\S+)/, measured(options.env));
  let rooms = 0;
  return {
    ...benchServer(kind, server),
    async createRoom() {
      return { room: `bench-${++rooms}-${randomBytes(4).toString('hex')}`, params: {} };
    },
  };
}

function benchServer(kind: ServerKind, server: NodeServer): Omit<BenchServer, 'createRoom'> {
  return {
    kind,
    pid: server.process.pid!,
    wsUrl: server.url.replace(/^http/, 'ws'),
    usage: usageOf(server.process),
    logLines: server.logLines,
    stop: server.stop,
  };
}

/** Asks the child's probe (bench/server-probe.ts) for its usage. */
function usageOf(child: ChildProcess) {
  let next = 0;
  return (options: { gc?: boolean } = {}): Promise<ServerUsage> => {
    const id = ++next;
    const answer = new Promise<ServerUsage>((resolve) => {
      const onMessage = (message: { type?: string; id?: number; usage: ServerUsage }) => {
        if (message?.type !== 'usage' || message.id !== id) return;
        child.off('message', onMessage);
        resolve(message.usage);
      };
      child.on('message', onMessage);
    });
    child.send({ type: 'usage', id, gc: options.gc ?? false });
    return withTimeout(answer, 10_000, `usage of server ${child.pid}`);
  };
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
