// Serves the built browser client from memory: it is ~1.5 MB, fixed for the process's life, and a
// file streamed from disk per request costs the page's first load several times as long. Its source
// maps (~4 MB, read only by a browser's developer tools) are read on their first request. Hashed
// assets are cached by browsers for good; index.html, for the pages the client routes itself, is
// revalidated every time (its ETag answers 304 when nothing changed). Text files go gzipped to a
// browser that accepts it (the page's script 781 → 246 kB), compressed once, on the first request
// that asks, off the event loop.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CLIENT_DIR } from '../paths.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** Worth compressing: text. Fonts and images are compressed already. */
const TEXT = new Set(['.html', '.js', '.css', '.map', '.json', '.svg']);

interface ClientFile {
  body: Buffer;
  type: string;
  etag: string;
  /** Text files: the gzipped body, made on first use. */
  gzipped?: () => Promise<Buffer>;
}

const gzipAsync = promisify(gzip);

function readFile(path: string): ClientFile {
  const body = readFileSync(path);
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
  const file: ClientFile = { body, type: TYPES[extname(path)] ?? 'application/octet-stream', etag };
  if (TEXT.has(extname(path))) {
    let made: Promise<Buffer> | undefined;
    file.gzipped = () => (made ??= gzipAsync(body, { level: constants.Z_BEST_COMPRESSION }));
  }
  return file;
}

/** Whether the request's Accept-Encoding takes gzip: named, or `*`, and not with q=0. */
function acceptsGzip(request: FastifyRequest): boolean {
  const header = request.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  const taken = new Map<string, boolean>();
  for (const part of header.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    taken.set(coding, !params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param)));
  }
  return taken.get('gzip') ?? taken.get('*') ?? false;
}

/**
 * The client's files by URL path, each read once: a source map on its first request (none if it is
 * gone by then, a build having replaced the client), the rest now.
 */
function readClient(dir: string): Map<string, () => ClientFile | undefined> {
  const files = new Map<string, () => ClientFile | undefined>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    let file = extname(path) === '.map' ? undefined : readFile(path);
    files.set('/' + relative(dir, path).split(sep).join('/'), () => {
      if (file) return file;
      try {
        return (file = readFile(path));
      } catch {
        return undefined;
      }
    });
  }
  return files;
}

export async function clientRoutes(app: FastifyInstance): Promise<void> {
  if (!existsSync(CLIENT_DIR)) {
    app.get('/', async (_request, reply) =>
      reply.type('text/plain').send('Tandem is running, but the browser client is not built: run npm run build.'),
    );
    return;
  }
  const files = readClient(CLIENT_DIR);
  const send = async (file: ClientFile, cacheControl: string, request: FastifyRequest, reply: FastifyReply) => {
    const gzipped = acceptsGzip(request) ? file.gzipped : undefined;
    // Each encoding is a representation of its own, with an ETag of its own.
    const etag = gzipped ? `${file.etag.slice(0, -1)}-gz"` : file.etag;
    reply.header('cache-control', cacheControl).header('etag', etag);
    if (file.gzipped) reply.header('vary', 'Accept-Encoding');
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    if (!gzipped) return reply.type(file.type).send(file.body);
    return reply.type(file.type).header('content-encoding', 'gzip').send(await gzipped());
  };
  const page = files.get('/index.html')?.();
  if (page) {
    const sendPage = (request: FastifyRequest, reply: FastifyReply) => send(page, 'no-cache', request, reply);
    app.get('/', sendPage);
    app.get('/d/:id', sendPage);
  }
  app.get('/assets/*', (request, reply) => {
    const file = files.get(request.url.split('?')[0])?.();
    if (!file) return reply.callNotFound();
    // Vite names every asset after its content, so a name never changes what it holds.
    return send(file, 'public, max-age=31536000, immutable', request, reply);
  });
}
