// `npm run dev`: the server from source, restarted whenever a file it imports changes (tsx watch),
// and the client from Vite's dev server with hot reload, which forwards the server's routes to it
// (client/vite.config.ts). The admin link the server prints points at Vite's page. Ctrl+C stops both.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../server/paths.js';
import { readConfig } from '../server/config.js';

const DEV_PORT = Number(process.env.DEV_PORT ?? 5173);
const { HOST, PUBLIC_URL } = readConfig(process.env);
const bin = (name: string) => join(PACKAGE_ROOT, 'node_modules', '.bin', name);

// Each child leads a process group of its own, so Ctrl+C reaches only this script, which stops each
// child once: a second signal would make tsx kill the server rather than let it shut down. Their
// stdin is a pipe from here, since a process outside the terminal's foreground group that reads
// the terminal is stopped.
const start = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawn(bin(command), args, { cwd: PACKAGE_ROOT, env, detached: true, stdio: ['pipe', 'inherit', 'inherit'] });

const children: ChildProcess[] = [
  start('tsx', ['watch', '--clear-screen=false', 'server/cli.ts', 'serve'], { ...process.env, PUBLIC_URL: PUBLIC_URL ?? `http://${HOST}:${DEV_PORT}` }),
  start('vite', ['--config', 'client/vite.config.ts', '--host', HOST, '--port', String(DEV_PORT), '--strictPort']),
];

let exitCode: number | null = null;
function stop(code: number): void {
  if (exitCode !== null) return;
  exitCode = code;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(0));
const ended = children.map((child) => new Promise((resolve) => child.once('close', resolve)));
for (const child of children) {
  child.once('error', (error) => process.stderr.write(`${error.message}\n`));
  // One of them ending by itself (a port taken, a crash) ends the other too.
  child.once('close', (code) => stop(code || 1));
}
await Promise.all(ended);
process.exit(exitCode ?? 0);
