// Builds the bare Lexical page (bench/desk/bare) the way the desk is built; the caller picks outDir.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: fileURLToPath(new URL('./bare', import.meta.url)),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // A busy machine makes Rolldown report slow plugins; that is noise in the bench's output.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
