// Which parts of the build are missing or older than their sources, for `npm start` to rebuild them
// (after a `git pull`, say). File times tell: a pull or an edit makes a source newer than what was
// built from it, and removing a file makes its folder newer. Stats a few hundred files: a few ms.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CONFIG = ['package.json', 'tsconfig.json'];

/** Each part: a file its build writes (after reading every source), the npm script, its sources. */
export const BUILD_PARTS = [
  { built: 'dist/server/cli.js', script: 'build:server', sources: ['server', 'shared', 'tsconfig.server.json', ...CONFIG] },
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

/** The parts of the build under `root` that must be built again. */
export function staleParts(root) {
  return BUILD_PARTS.filter((part) => {
    const built = mtime(join(root, part.built));
    return built === null || part.sources.some((source) => changedAfter(join(root, source), built));
  });
}
