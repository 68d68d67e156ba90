// Starts and stops the two servers under test, each in its own child process on 127.0.0.1, port 0:
// Tandem through its CLI in a temporary DATA_DIR, the reference through bench/reference-server.ts.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { withTimeout } from './wait.js';

export type ServerKind = 'tandem' | 'reference';

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
  /** A fresh room. Tandem: a new document (its target text `target`); reference: a new name. */
  createRoom(target?: string): Promise<RoomRef>;
  /** The server process's resident set size (VmRSS), in KiB. */
  rssKiB(): number;
  /** CPU time (user + system) the server process has used so far, in ms. */
  cpuMs(): number;
  /** Lines the server wrote to stdout/stderr after starting (Tandem logs warnings there as JSON). */
  logLines(): string[];
  stop(): Promise<void>;
}

const ROOT = new URL('..', import.meta.url).pathname;
const ADMIN_TOKEN = `bench-admin-${randomBytes(12).toString('hex')}`;
const STARTUP_MS = 30_000;
const children = new Set<ChildProcess>();

// Never leave a server behind, whatever happens to the bench.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export async function startServer(kind: ServerKind): Promise<BenchServer> {
  return kind === 'tandem' ? startTandem() : startReference();
}

async function startTandem(): Promise<BenchServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tandem-bench-'));
  const { child, ready, lines } = launch(
    ['--import', 'tsx', 'server/cli.ts', 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir],
    { ADMIN_TOKEN, LOG_LEVEL: 'warn' },
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
    rssKiB: () => rssKiB(child.pid!),
    cpuMs: () => cpuMs(child.pid!),
    logLines: lines,
    async stop() {
      await stop(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function startReference(): Promise<BenchServer> {
  const { child, ready, lines } = launch(['--import', 'tsx', 'bench/reference-server.ts'], {}, /listening (http:\/\/\S+)/);
  const url = await ready;
  let rooms = 0;
  return {
    kind: 'reference',
    pid: child.pid!,
    wsUrl: url.replace(/^http/, 'ws'),
    async createRoom() {
      return { room: `bench-${++rooms}-${randomBytes(4).toString('hex')}`, params: {} };
    },
    rssKiB: () => rssKiB(child.pid!),
    cpuMs: () => cpuMs(child.pid!),
    logLines: lines,
    stop: () => stop(child),
  };
}

/** Spawns `node args` in the repository; `ready` resolves with the first capture of `banner`. */
function launch(args: string[], env: Record<string, string>, banner: RegExp) {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
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
  return { child, ready, lines: () => [...logged] };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  try {
    await withTimeout(exited, 10_000, 'server shutdown');
  } catch {
    child.kill('SIGKILL');
    await exited;
  }
}

function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]);
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
