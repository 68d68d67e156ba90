// The desk under test is the built client in dist/client (the Tandem server serves it from there).
// It is built only when missing, since other work may be using that directory.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withTimeout } from '../wait.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const INDEX = fileURLToPath(new URL('../../dist/client/index.html', import.meta.url));

/** Builds dist/client if it is missing; returns when the build in use was made. */
export async function ensureDeskBuilt(log: (line: string) => void): Promise<Date> {
  if (!existsSync(INDEX)) {
    log('dist/client is missing: npm run build:client');
    const child = spawn('npm', ['run', 'build:client'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    const code = await withTimeout(new Promise<number | null>((resolve) => child.once('exit', resolve)), 300_000, 'npm run build:client').catch((error) => {
      child.kill('SIGKILL');
      throw error;
    });
    if (code !== 0 || !existsSync(INDEX)) throw new Error(`npm run build:client failed (${code}):\n${stderr}`);
  }
  return statSync(INDEX).mtime;
}
