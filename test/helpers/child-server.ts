// A Tandem server in a child process, for what only a real process shows: kill -9 and SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { ADMIN_TOKEN } from './server.js';
import { eventually } from './eventually.js';

export interface ChildServer {
  process: ChildProcess;
  url: string;
  wsUrl: string;
  output: () => string;
  exited: Promise<number | null>;
}

export async function startChildServer(dataDir: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'serve', '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, ADMIN_TOKEN, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await eventually(
    () => {
      const match = /Open (http:\/\/[^/\s]+)\/\?token=/.exec(output);
      if (!match) throw new Error(`server did not start: ${output}`);
      return match[1];
    },
    { timeout: 20_000, interval: 25 },
  );
  return { process: child, url, wsUrl: url.replace(/^http/, 'ws') + '/collab', output: () => output, exited };
}

export async function createDocumentAt(url: string): Promise<{ id: string; tokens: Record<string, string> }> {
  const response = await fetch(`${url}/api/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sourceLang: 'en', targetLang: 'bn', format: 'text', target: 'শিরোনাম\n\nপ্রথম অনুচ্ছেদ।' }),
  });
  if (response.status !== 201) throw new Error(`create failed: ${response.status}`);
  return response.json() as Promise<{ id: string; tokens: Record<string, string> }>;
}
