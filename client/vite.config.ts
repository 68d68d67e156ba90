// Builds the browser client into dist/client, which the server serves (server/http/static.ts), and
// serves it with hot reload for `npm run dev` (scripts/dev.ts).
import { fileURLToPath } from 'node:url';
import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';
import { readConfig } from '../server/config.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The server's routes, forwarded to it at HOST:PORT as it reads them from the environment. */
function serverRoutes(): Record<string, ProxyOptions> {
  const { HOST, PORT } = readConfig(process.env);
  const target = `http://${HOST}:${PORT}`;
  return {
    '/api': { target },
    // Sockets only: the modules of client/collab/ are served under the same path.
    '/collab': { target, ws: true, bypass: (request, response) => (response ? request.url : undefined) },
    '/healthz': { target },
    '/metrics': { target },
  };
}

export default defineConfig(({ command }) => ({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/client', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // What the first paint runs stays in the entry's one file: without this group, the modules it
        // shares with the parts loaded later (app/lazy-part.ts) go to small files of their own, each
        // one more request before the page starts (docs/PERFORMANCE.md, the desk's first paint).
        codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] },
      },
    },
  },
  server: command === 'serve' ? { proxy: serverRoutes() } : {},
}));
