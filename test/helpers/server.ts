// A real Tandem server for tests: in this process on port 0 with a fresh data directory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { readConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import { startServer, type RunningServer } from '../../server/server.js';

export const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';

export interface TestServer extends RunningServer {
  dataDir: string;
  wsUrl: string;
  /** Calls the HTTP API with the admin token (or `token`), returning status and parsed JSON. */
  api(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: any; headers: Headers }>;
  /** Creates a document from text and returns the API's answer. */
  createDocument(input?: Record<string, unknown>): Promise<{ id: string; tokens: Record<'editor' | 'reviewer' | 'viewer', string> }>;
  /** Closes the server and removes its data directory. */
  dispose(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}, dataDir?: string, logger?: Logger): Promise<TestServer> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'tandem-it-')));
  const config = readConfig({ DATA_DIR: dir, PORT: '0', ADMIN_TOKEN, LOG_LEVEL: 'silent', ...env });
  const server = await startServer(config, logger ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'));
  const api: TestServer['api'] = async (method, path, body, token = ADMIN_TOKEN) => {
    const response = await fetch(server.url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: response.status, body: parsed, headers: response.headers };
  };
  return {
    ...server,
    dataDir: dir,
    wsUrl: server.url.replace(/^http/, 'ws') + '/collab',
    api,
    async createDocument(input = {}) {
      const { status, body } = await api('POST', '/api/documents', {
        sourceLang: 'en',
        targetLang: 'bn',
        format: 'text',
        source: 'Headline\n\nFirst paragraph.\n\nSecond paragraph.',
        target: 'শিরোনাম\n\nপ্রথম অনুচ্ছেদ।\n\nদ্বিতীয় অনুচ্ছেদ।',
        ...input,
      });
      if (status !== 201) throw new Error(`createDocument: ${status} ${JSON.stringify(body)}`);
      return body;
    },
    async dispose() {
      await server.close();
      if (!dataDir) await rm(dir, { recursive: true, force: true });
    },
  };
}
