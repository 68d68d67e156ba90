// Builds the browser client into dist/client, which the server serves (server/http/static.ts).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/client', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npx vite --config client/vite.config.ts` during development, with the server on 8123.
    proxy: {
      '/api': 'http://127.0.0.1:8123',
      '/collab': { target: 'ws://127.0.0.1:8123', ws: true },
    },
  },
});
