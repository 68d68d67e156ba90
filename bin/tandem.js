#!/usr/bin/env node
// Runs the built command, building first when there is no build.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = [join(root, 'dist/server/cli.js'), join(root, 'dist/client/index.html')];
if (!built.every((file) => existsSync(file))) {
  process.stderr.write('Building Tandem (first run)…\n');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import(pathToFileURL(join(root, 'dist/server/cli.js')).href);
