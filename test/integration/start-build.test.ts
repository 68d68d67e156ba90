// `npm start` (bin/tandem.js) builds what is missing or older than its sources, and only that, in a
// package of its own whose build scripts merely write the built files and note that they ran.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILD_PARTS, staleParts } from '../../bin/stale-build.js';
import { PACKAGE_ROOT } from '../../server/paths.js';

const run = promisify(execFile);

const FAKE_BUILD = `import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
const part = process.argv[2];
appendFileSync('builds.log', part + '\\n');
mkdirSync('dist/' + part, { recursive: true });
writeFileSync(part === 'server' ? 'dist/server/cli.js' : 'dist/client/index.html', part === 'server' ? "process.stdout.write('served\\\\n');" : '<!doctype html>');
`;

const SOURCES = ['server/main.ts', 'server/http/routes.ts', 'shared/schema.ts', 'client/main.tsx', 'client/home/HomePage.tsx', 'tsconfig.json', 'tsconfig.server.json'];

let root: string;
const at = (path: string) => join(root, path);
const write = (path: string, text = '') => (mkdirSync(dirname(at(path)), { recursive: true }), writeFileSync(at(path), text));
// File times from a clock of the test's own, a second apart, so their order never depends on timing.
let clock = 0;
const touch = (path: string) => (clock += 1, utimesSync(at(path), clock, clock));
const stale = () => staleParts(root).map((part) => part.script);
const build = () => {
  for (const part of BUILD_PARTS) write(part.built);
  for (const part of BUILD_PARTS) touch(part.built);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'tandem-start-'));
  clock = Math.floor(Date.now() / 1000) - 1000;
  write('package.json', JSON.stringify({ type: 'module', scripts: { 'build:server': 'node fake-build.mjs server', 'build:client': 'node fake-build.mjs client' } }));
  write('fake-build.mjs', FAKE_BUILD);
  for (const file of ['bin/tandem.js', 'bin/stale-build.js']) write(file, readFileSync(join(PACKAGE_ROOT, file), 'utf8'));
  for (const file of SOURCES) write(file);
  for (const path of [...SOURCES, 'package.json', 'server/http', 'server', 'shared', 'client/home', 'client']) touch(path);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('npm start builds what its sources changed', () => {
  it('SPEC 9.6 a missing build, or a part older than one of its sources, is stale; nothing else', () => {
    expect(stale()).toEqual(['build:server', 'build:client']);
    build();
    expect(stale()).toEqual([]);

    touch('client/home/HomePage.tsx');
    expect(stale()).toEqual(['build:client']);
    build();
    touch('server/http/routes.ts');
    expect(stale()).toEqual(['build:server']);
    build();
    touch('tsconfig.server.json');
    expect(stale()).toEqual(['build:server']);
    build();
    touch('shared/schema.ts');
    expect(stale()).toEqual(['build:server', 'build:client']);
    build();
    touch('package.json');
    expect(stale()).toEqual(['build:server', 'build:client']);
    build();
    // A removed source shows as its folder's change.
    unlinkSync(at('client/home/HomePage.tsx'));
    touch('client/home');
    expect(stale()).toEqual(['build:client']);
    build();
    expect(stale()).toEqual([]);
    unlinkSync(at('dist/server/cli.js'));
    expect(stale()).toEqual(['build:server']);
  });

  it('SPEC 9.6 bin/tandem.js builds on the first run, starts at once when nothing changed, and rebuilds only the part whose sources changed', { timeout: 60_000 }, async () => {
    const start = (command = 'serve') => run(process.execPath, [at('bin/tandem.js'), command], { cwd: root });
    const builds = () => readFileSync(at('builds.log'), 'utf8').trim().split('\n');

    const first = await start();
    expect(first.stdout).toBe('served\n');
    expect(first.stderr).toContain('Building Tandem (first run)');
    expect(builds()).toEqual(['server', 'client']);

    const again = await start();
    expect(again.stdout).toBe('served\n');
    expect(again.stderr).toBe('');
    expect(builds()).toEqual(['server', 'client']);

    // After a pull that changed the client.
    for (const part of BUILD_PARTS) touch(part.built);
    touch('client/main.tsx');
    const pulled = await start();
    expect(pulled.stdout).toBe('served\n');
    expect(pulled.stderr).toContain('Building Tandem again');
    expect(builds()).toEqual(['server', 'client', 'client']);
  });

  it('SPEC 9.6 the commands other than serve build only the server, which is all they run', { timeout: 60_000 }, async () => {
    const tandem = (...args: string[]) => run(process.execPath, [at('bin/tandem.js'), ...args], { cwd: root });
    const builds = () => readFileSync(at('builds.log'), 'utf8').trim().split('\n');

    expect((await tandem('list')).stdout).toBe('served\n');
    expect(builds()).toEqual(['server']);
    touch('dist/server/cli.js');
    touch('client/main.tsx');
    expect((await tandem('--help')).stderr).toBe('');
    expect(builds()).toEqual(['server']);
    touch('shared/schema.ts');
    await tandem('export', 'abc');
    expect(builds()).toEqual(['server', 'server']);
    await tandem('serve');
    expect(builds()).toEqual(['server', 'server', 'client']);
  });
});
