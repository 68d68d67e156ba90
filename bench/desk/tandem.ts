// A Tandem server for the desk bench: a child process as `npm start` runs it (the built server,
// scripts/spawn-tandem.ts; port 0, a temporary DATA_DIR, loopback only), and the article documents
// it holds.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawnTandem } from '../../scripts/spawn-tandem.js';
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

/** `allowedOrigin`: the bare page's, whose sockets a browser opens from another origin (SPEC 3.7). */
export async function startTandem(allowedOrigin: string): Promise<DeskServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tandem-desk-bench-'));
  const server = await spawnTandem({ from: 'build', dataDir, adminToken: `bench-admin-${randomBytes(12).toString('hex')}`, env: { ALLOWED_ORIGINS: allowedOrigin } }).catch(async (error) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    url: server.url,
    wsUrl: server.wsUrl,
    async createArticle(article) {
      const { title, source, target } = article;
      const doc = await server.createDocument({ title, sourceLang: 'en', targetLang: 'bn', format: 'text', source, target });
      return { id: doc.id, token: doc.tokens.editor };
    },
    logLines: server.logLines,
    async stop() {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
