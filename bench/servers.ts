// Starts and stops the servers under test, each in its own child process on 127.0.0.1, port 0:
// Tandem through its CLI in a temporary DATA_DIR, the reference through bench/reference-server.ts,
// the raw relay (the floor) through bench/relay-server.ts. Each loads bench/server-probe.ts, which
// reports its CPU time and memory over IPC. Where taskset exists, servers run on CPU 1 and the
// bench (the load generator) on CPU 0, so the two do not take turns on one core.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
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

const ROOT = new URL('..', import.meta.url).pathname;
const ADMIN_TOKEN = `bench-admin-${randomBytes(12).toString('hex')}`;
const STARTUP_MS = 30_000;
const children = new Set<ChildProcess>();
const PIN = hasTaskset();
if (PIN) execFileSync('taskset', ['-a', '-cp', '0', String(process.pid)], { stdio: 'ignore' });

// Never leave a server behind, whatever happens to the bench.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export async function startServer(kind: ServerKind, options: ServerOptions = {}): Promise<BenchServer> {
  if (kind === 'tandem') return startTandem(options);
  return startNamedRooms(kind, kind === 'reference' ? 'bench/reference-server.ts' : 'bench/relay-server.ts', options);
}

async function startTandem(options: ServerOptions): Promise<BenchServer> {
  const kept = options.keepDataDir && options.dataDir;
  const dataDir = kept || (await mkdtemp(join(tmpdir(), 'tandem-bench-')));
  if (options.dataDir && !kept) await cp(options.dataDir, dataDir, { recursive: true });
  const { child, ready, lines, usage } = launch(
    ['server/cli.ts', 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir],
    { ADMIN_TOKEN, LOG_LEVEL: 'warn', ...options.env },
    /Open (http:\/\/[^/\s]+)\/\?token=/,
  );
  const url = await ready;
  const api = async (path: string, body: unknown) => {
    const response = await fetch(url + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as { id: string; tokens: Record<string, string> };
  };
  return {
    kind: 'tandem',
    pid: child.pid!,
    wsUrl: url.replace(/^http/, 'ws') + '/collab',
    async createRoom(target = 'Headline\n\nFirst paragraph.\n\nSecond paragraph.') {
      const doc = await api('/api/documents', { sourceLang: 'en', targetLang: 'bn', format: 'text', target });
      return { room: doc.id, params: { token: doc.tokens.editor } };
    },
    usage,
    logLines: lines,
    async stop(signal) {
      await stop(child, signal);
      if (!kept) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The reference or the relay: rooms are names, made up by the client. */
async function startNamedRooms(kind: ServerKind, script: string, options: ServerOptions): Promise<BenchServer> {
  const { child, ready, lines, usage } = launch([script], options.env ?? {}, /listening (http:\/\/\S+)/);
  const url = await ready;
  let rooms = 0;
  return {
    kind,
    pid: child.pid!,
    wsUrl: url.replace(/^http/, 'ws'),
    async createRoom() {
      return { room: `bench-${++rooms}-${randomBytes(4).toString('hex')}`, params: {} };
    },
    usage,
    logLines: lines,
    stop: (signal) => stop(child, signal),
  };
}

/**
 * Spawns `node --import tsx --import <probe> args` in the repository (on CPU 1 where it can);
 * `ready` resolves with the first capture of `banner`.
 */
function launch(args: string[], env: Record<string, string>, banner: RegExp) {
  // BENCH_CPU_PROF=<dir>: every server writes a V8 CPU profile there as it stops (node --cpu-prof).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const node = [process.execPath, '--expose-gc', ...profile, '--import', 'tsx', '--import', './bench/server-probe.ts', ...args];
  const [command, ...rest] = PIN ? ['taskset', '-c', '1', ...node] : node;
  const child = spawn(command, rest, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  let started = false;
  const logged: string[] = [];
  const ready = withTimeout(
    new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        const text = chunk.toString();
        if (started) {
          if (logged.length < 1000) logged.push(...text.split('\n').filter(Boolean));
          return;
        }
        output += text;
        const match = banner.exec(output);
        if (match) {
          started = true;
          resolve(match[1]);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`server exited (${code}) before it started:\n${output}`)));
    }),
    STARTUP_MS,
    `starting ${args.join(' ')}`,
  ).catch((error) => {
    child.kill('SIGKILL');
    throw error;
  });
  return { child, ready, lines: () => [...logged], usage: usageOf(child) };
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

async function stop(child: ChildProcess, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  try {
    await withTimeout(exited, 10_000, 'server shutdown');
  } catch {
    child.kill('SIGKILL');
    await exited;
  }
}
