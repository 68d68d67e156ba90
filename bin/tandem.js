#!/usr/bin/env node
// Runs the built command, building first what is missing or older than its sources: for `serve`
// the server and the client it serves, for the other commands (and --help) only the server.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { staleParts } from './stale-build.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const serves = process.argv[2] === 'serve';
const stale = staleParts(root).filter((part) => serves || part.script !== 'build:client');
if (stale.length > 0) {
  process.stderr.write(existsSync(join(root, 'dist')) ? 'Building Tandem again (its sources changed)…\n' : 'Building Tandem (first run)…\n');
  for (const { script } of stale) {
    const result = spawnSync('npm', ['run', script], { cwd: root, stdio: ['ignore', 2, 2] });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}
await import(pathToFileURL(join(root, 'dist/server/cli.js')).href);
