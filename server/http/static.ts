// Serves the built browser client: its assets, and index.html for the pages it routes itself.
import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { CLIENT_DIR } from '../paths.js';

export async function clientRoutes(app: FastifyInstance): Promise<void> {
  if (!existsSync(CLIENT_DIR)) {
    app.get('/', async (_request, reply) =>
      reply.type('text/plain').send('Tandem is running, but the browser client is not built: run npm run build.'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: CLIENT_DIR, index: false, wildcard: true, cacheControl: false });
  const page = (_request: unknown, reply: { header(k: string, v: string): { sendFile(f: string): unknown } }) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html');
  app.get('/', page);
  app.get('/d/:id', page);
}
