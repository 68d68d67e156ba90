// The bare Lexical page: built with Vite into a temporary directory and served by a tiny static
// server on 127.0.0.1 (port 0). The page connects to the Tandem server named in its query string.
// Its text files go gzipped, as Tandem sends the desk's, so the pages differ only in their code.
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';

export interface BarePage {
  /** Where the page is served from: another origin than Tandem's. */
  origin: string;
  /** The page's URL for one document. */
  link(wsUrl: string, docId: string, token: string): string;
  stop(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export async function startBarePage(): Promise<BarePage> {
  const outDir = await mkdtemp(join(tmpdir(), 'tandem-bare-'));
  try {
    await build({ configFile: fileURLToPath(new URL('./vite.bare.config.ts', import.meta.url)), build: { outDir } });
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
  /** Each text file gzipped once, on its first request (the bench loads the page many times). */
  const compressed = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(outDir, path === '/' ? 'index.html' : path);
    readFile(file).then(
      (body) => {
        const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
        const text = ['.html', '.js', '.css'].includes(extname(file));
        if (!text || !/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return response.writeHead(200, headers).end(body);
        let gzipped = compressed.get(file);
        if (!gzipped) compressed.set(file, (gzipped = gzipSync(body, { level: 9 })));
        response.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'Accept-Encoding' }).end(gzipped);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    link: (wsUrl, docId, token) => `${origin}/?${new URLSearchParams({ ws: wsUrl, doc: docId, token })}`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
