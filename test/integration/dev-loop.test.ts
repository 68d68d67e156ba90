// `npm run dev` as a developer runs it: the server from source and Vite's dev server in front of it,
// both stopped by one Ctrl+C.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../server/paths.js';
import { rawSocket } from '../helpers/clients.js';
import { eventually } from '../helpers/eventually.js';
import { ADMIN_TOKEN } from '../helpers/server.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Live processes as `pid → parent pid` (zombies left out: they run nothing). */
function processes(): Map<number, number> {
  const table = new Map<number, number>();
  for (const line of execFileSync('ps', ['-A', '-o', 'pid=,ppid=,stat='], { encoding: 'utf8' }).split('\n')) {
    const [pid, ppid, stat] = line.trim().split(/\s+/);
    if (pid && !stat.startsWith('Z')) table.set(Number(pid), Number(ppid));
  }
  return table;
}

function descendants(root: number): number[] {
  const table = processes();
  const found = [root];
  for (let i = 0; i < found.length; i++) for (const [pid, ppid] of table) if (ppid === found[i]) found.push(pid);
  return found;
}

const status = (url: string) => fetch(url).then((response) => response.status, () => 'refused');

describe('the development loop', () => {
  it('SPEC 9.5 npm run dev serves the client through Vite, forwards the server routes and sockets, and Ctrl+C stops everything', { timeout: 120_000 }, async () => {
    const [port, devPort] = [await freePort(), await freePort()];
    const dataDir = await mkdtemp(join(tmpdir(), 'tandem-dev-'));
    const dev = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], {
      cwd: PACKAGE_ROOT,
      env: { ...process.env, PORT: String(port), DEV_PORT: String(devPort), DATA_DIR: dataDir, ADMIN_TOKEN, LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    dev.stdout.on('data', (chunk) => (output += chunk));
    dev.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => dev.once('exit', resolve));
    let started: number[] = [];
    try {
      const server = `http://127.0.0.1:${port}`;
      const vite = `http://127.0.0.1:${devPort}`;
      await eventually(async () => {
        expect(await status(`${server}/healthz`)).toBe(200);
        expect(await status(`${vite}/healthz`)).toBe(200);
      }, { timeout: 90_000, interval: 250 });
      // The admin link opens Vite's page, which is the client's source with hot reload.
      expect(output).toContain(`Open ${vite}/?token=${ADMIN_TOKEN}\n`);
      expect(await fetch(`${vite}/?token=${ADMIN_TOKEN}`).then((r) => r.text())).toContain('/@vite/client');
      expect(await status(`${vite}/metrics`)).toBe(200);
      // The client's own modules under /collab are Vite's; only sockets there go to the server.
      expect(await status(`${vite}/collab/endpoint.ts`)).toBe(200);
      // A socket through Vite reaches the server, which refuses it for want of a token.
      const socket = rawSocket(`ws://127.0.0.1:${devPort}/collab/nothing`);
      await eventually(() => expect(socket.state.close?.code).toBe(4401), { timeout: 10_000 });

      started = descendants(dev.pid!);
      expect(started.length).toBeGreaterThanOrEqual(4); // this script, tsx watch, the server, Vite
      dev.kill('SIGINT');
      expect(await exited).toBe(0);
      await eventually(() => expect(started.filter((pid) => processes().has(pid))).toEqual([]), { timeout: 10_000, interval: 100 });
      expect(await status(`${server}/healthz`)).toBe('refused');
      expect(await status(`${vite}/`)).toBe('refused');
    } finally {
      const left = dev.exitCode === null ? descendants(dev.pid!) : started.filter((pid) => processes().has(pid));
      for (const pid of left) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {} // gone meanwhile
      }
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
