// A Tandem server for the desk bench: a child process through its CLI (port 0, a temporary
// DATA_DIR, loopback only), and the article documents it holds.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { withTimeout } from '../wait.js';
import type { Article } from './article.js';

export interface DeskServer {
  /** http://127.0.0.1:<port> */
  url: string;
  /** The serverUrl of a WebsocketProvider (it appends `/<room>?<params>`). */
  wsUrl: string;
  /** A new document holding `article`; returns its id and an editor token. */
  createArticle(article: Article): Promise<{ id: string; token: string }>;
  logLines(): string[];
  stop(): Promise<void>;
}

const ROOT = new URL('../..', import.meta.url).pathname;
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** `allowedOrigin`: the bare page's, whose sockets a browser opens from another origin (SPEC 3.7). */
export async function startTandem(allowedOrigin: string): Promise<DeskServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tandem-desk-bench-'));
  const adminToken = `bench-admin-${randomBytes(12).toString('hex')}`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/cli.ts', 'serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir],
    { cwd: ROOT, env: { ...process.env, ADMIN_TOKEN: adminToken, LOG_LEVEL: 'warn', ALLOWED_ORIGINS: allowedOrigin }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.add(child);
  child.once('exit', () => children.delete(child));
  const logged: string[] = [];
  let output = '';
  const url = await withTimeout(
    new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Open (http:\/\/[^/\s]+)\/\?token=/.exec(output);
        if (match) resolve(match[1]);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`Tandem exited (${code}) before it started:\n${output}`)));
    }),
    30_000,
    'starting Tandem',
  ).catch(async (error) => {
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  const keep = (chunk: Buffer) => logged.length < 1000 && logged.push(...chunk.toString().split('\n').filter(Boolean));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);

  return {
    url,
    wsUrl: url.replace(/^http/, 'ws') + '/collab',
    async createArticle(article) {
      const response = await fetch(`${url}/api/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: article.title, sourceLang: 'en', targetLang: 'bn', format: 'text', source: article.source, target: article.target }),
        signal: AbortSignal.timeout(60_000),
      });
      const text = await response.text();
      if (response.status !== 201) throw new Error(`POST /api/documents: ${response.status} ${text.slice(0, 300)}`);
      const doc = JSON.parse(text) as { id: string; tokens: { editor: string } };
      return { id: doc.id, token: doc.tokens.editor };
    },
    logLines: () => [...logged],
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await withTimeout(exited, 10_000, 'Tandem shutdown').catch(async () => {
          child.kill('SIGKILL');
          await exited;
        });
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
