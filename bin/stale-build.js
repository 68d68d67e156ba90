// Which parts of the build are missing or older than their sources, for `npm start` to rebuild them
// (after a `git pull`, say). File times tell: a pull or an edit makes a source newer than what was
// built from it, and removing a file makes its folder newer. Stats a few hundred files: a few ms.
// The benches use it too, to run the server as `npm start` does.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The configuration every part is also built from. */
export const CONFIG = ['package.json', 'tsconfig.json'];

/** Each part: a file its build writes (after reading every source), the npm script, its sources. */
export const BUILD_PARTS = [
  { built: 'dist/server/cli.js', script: 'build:server', sources: ['server', 'shared', 'tsconfig.server.json', 'scripts/build-server.js', ...CONFIG] },
  { built: 'dist/client/index.html', script: 'build:client', sources: ['client', 'shared', ...CONFIG] },
];

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/** Whether `path` (a file, or a folder and everything in it) changed after `time`. */
function changedAfter(path, time) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return false;
  }
  if (stat.mtimeMs > time) return true;
  return stat.isDirectory() && readdirSync(path).some((name) => changedAfter(join(path, name), time));
}

/** Those of `parts` (the package's by default) under `root` that must be built again. */
export function staleParts(root, parts = BUILD_PARTS) {
  return parts.filter((part) => {
    const built = mtime(join(root, part.built));
    return built === null || part.sources.some((source) => changedAfter(join(root, source), built));
  });
}

/** Builds `parts` in turn (`npm run <script>`, its output on stderr): the first failure's exit status, or 0. */
export function build(root, parts) {
  for (const { script } of parts) {
    const result = spawnSync('npm', ['run', script], { cwd: root, stdio: ['ignore', 2, 2] });
    if (result.status !== 0) return result.status ?? 1;
  }
  return 0;
}
