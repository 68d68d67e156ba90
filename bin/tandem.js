#!/usr/bin/env node
// Runs the built command, building first what is missing or older than its sources: for `serve`
// the server and the client it serves, for the other commands (and --help) only the server.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, staleParts } from './stale-build.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const serves = process.argv[2] === 'serve';
const stale = staleParts(root).filter((part) => serves || part.script !== 'build:client');
if (stale.length > 0) {
  process.stderr.write(existsSync(join(root, 'dist')) ? 'Building Tandem again (its sources changed)…\n' : 'Building Tandem (first run)…\n');
  const status = build(root, stale);
  if (status !== 0) process.exit(status);
}
await import(pathToFileURL(join(root, 'dist/server/cli.js')).href);
