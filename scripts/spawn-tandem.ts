// Server processes for the benches and the tests: `spawnTandem()` starts Tandem through its CLI
// (`serve` on 127.0.0.1, port 0, in a given data directory), `spawnNodeServer()` any Node server
// script that prints its URL. Tandem runs either as `npm start` runs it, the built dist/server/cli.js
// under plain node (built first when bin/stale-build.js finds it missing or older than its sources),
// or from its sources under tsx, for tests of the code as it is. The server never imports this.
import { spawn, type ChildProcess } from 'node:child_process';
import { build, BUILD_PARTS, staleParts, type BuildPart } from '../bin/stale-build.js';
import { PACKAGE_ROOT } from '../server/paths.js';

export interface NodeServerOptions {
  /** Node's own flags, before the script (--expose-gc, --cpu-prof, --import <a preload>). */
  nodeFlags?: string[];
  /** A command that runs node (`taskset -c 1`, say). */
  prefix?: string[];
  /** Added to this process's environment. */
  env?: Record<string, string>;
  /** Opens an IPC channel to the child (process.send in it). */
  ipc?: boolean;
  startupMs?: number;
}

export interface NodeServer {
  process: ChildProcess;
  /** What the banner captured: the server's http:// URL. */
  url: string;
  /** Everything it wrote to stdout and stderr (the first MiB). */
  output(): string;
  /** The lines it wrote after its banner (the first thousand): Tandem logs warnings there as JSON. */
  logLines(): string[];
  /** Its exit code (null after a signal). */
  exited: Promise<number | null>;
  /** SIGTERM (a clean shutdown; SIGKILL after 10 s), or SIGKILL (a crash). */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

export interface TandemOptions extends NodeServerOptions {
  dataDir: string;
  /** Its ADMIN_TOKEN (unless `env` names another). */
  adminToken: string;
  /** `build`: dist/server/cli.js, as `npm start` runs it; `source`: server/cli.ts under tsx. */
  from: 'build' | 'source';
}

export interface TandemProcess extends NodeServer {
  /** The serverUrl of a WebsocketProvider (it appends `/<room>?<params>`). */
  wsUrl: string;
  /** POST /api/documents with the admin token: the new document's id and tokens (throws unless 201). */
  createDocument(body: Record<string, unknown>): Promise<{ id: string; tokens: Record<string, string> }>;
}

/** The server's part of the build (bin/stale-build.js). */
export const SERVER_BUILD = BUILD_PARTS.find((part) => part.script === 'build:server')!;

const OUTPUT_LIMIT = 1 << 20;
const LOG_LINES = 1000;
const children = new Set<ChildProcess>();
// Never leave a server behind, whatever happens to the bench or the test.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Builds the parts whose build is missing or older than their sources; throws if a build fails. */
export function ensureBuilt(parts: BuildPart[]): void {
  const stale = staleParts(PACKAGE_ROOT, parts);
  if (stale.length === 0) return;
  process.stderr.write(`Building ${stale.map((part) => part.built).join(', ')} (missing or older than its sources)…\n`);
  const status = build(PACKAGE_ROOT, stale);
  if (status !== 0) throw new Error(`npm run ${stale.map((part) => part.script).join(', ')} failed (${status})`);
}

export async function spawnTandem(options: TandemOptions): Promise<TandemProcess> {
  let script = 'server/cli.ts';
  let loader = ['--import', 'tsx'];
  if (options.from === 'build') {
    ensureBuilt([SERVER_BUILD]);
    script = SERVER_BUILD.built;
    loader = [];
  }
  const started = await spawnNodeServer(
    script,
    ['serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', options.dataDir],
    /Open (http:\/\/[^/\s]+)\/\?token=/,
    { ...options, nodeFlags: [...(options.nodeFlags ?? []), ...loader], env: { LOG_LEVEL: 'warn', ADMIN_TOKEN: options.adminToken, ...options.env } },
  );
  const adminToken = options.env?.ADMIN_TOKEN ?? options.adminToken;
  return {
    ...started,
    wsUrl: started.url.replace(/^http/, 'ws') + '/collab',
    async createDocument(body) {
      const response = await fetch(`${started.url}/api/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
      const text = await response.text();
      if (response.status !== 201) throw new Error(`POST /api/documents: ${response.status} ${text.slice(0, 300)}`);
      return JSON.parse(text) as { id: string; tokens: Record<string, string> };
    },
  };
}

/**
 * Starts `node <nodeFlags> script args` in the package's folder; resolves once its output matches
 * `banner` (with the banner's first capture as `url`), rejects if it exits or takes longer.
 */
export function spawnNodeServer(script: string, args: string[], banner: RegExp, options: NodeServerOptions = {}): Promise<NodeServer> {
  const command = [...(options.prefix ?? []), process.execPath, ...(options.nodeFlags ?? []), script, ...args];
  const child = spawn(command[0], command.slice(1), {
    cwd: PACKAGE_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc ? ['ipc' as const] : [])],
  });
  children.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  let output = '';
  let url: string | null = null;
  const logged: string[] = [];
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    if (url !== null && logged.length < LOG_LINES) logged.push(...text.split('\n').filter(Boolean));
    if (output.length < OUTPUT_LIMIT) output += text;
    url ??= banner.exec(output)?.[1] ?? null;
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const startupMs = options.startupMs ?? 30_000;
  return new Promise<NodeServer>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${script} ${why}:\n${output}`));
    };
    const timer = setTimeout(() => fail(`did not start within ${startupMs} ms`), startupMs);
    const onStart = () => {
      if (url === null) return;
      clearTimeout(timer);
      child.stdout!.off('data', onStart);
      child.stderr!.off('data', onStart);
      resolve({ process: child, url, output: () => output, logLines: () => [...logged], exited, stop });
    };
    child.stdout!.on('data', onStart);
    child.stderr!.on('data', onStart);
    void exited.then((code) => url === null && fail(`exited (${code}) before it started`));
  });
}
