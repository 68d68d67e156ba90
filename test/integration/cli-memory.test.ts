// `tandem tm import` and `tandem tm export` against a running server (SPEC 18.9, 18.7, 9.3).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../helpers/child-server.js';
import { ADMIN_TOKEN } from '../helpers/server.js';

const run = promisify(execFile);
const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

let dir: string;
let server: ChildServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tandem-cli-tm-'));
  server = await startChildServer(dir);
});
afterAll(async () => {
  server.process.kill('SIGTERM');
  await server.exited;
  await rm(dir, { recursive: true, force: true });
});

const tandem = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args, '--server', server.url], { env: { ...process.env, ADMIN_TOKEN, TANDEM_SERVER: '' }, timeout: 60_000 });

describe('tandem tm', () => {
  it('SPEC 18.9 SPEC 9.3 tm import adds a TMX file to the memory and tm export writes the pair back as TMX', { timeout: 180_000 }, async () => {
    const imported = await tandem('tm', 'import', fixture('memory/other-tool.tmx'));
    expect(imported.stdout).toBe('3 added, 0 updated, 1 skipped\n');
    const out = join(dir, 'memory.tmx');
    await tandem('tm', 'export', '--source-lang', 'en', '--target-lang', 'bn', '-o', out);
    const tmx = await readFile(out, 'utf8');
    expect(tmx).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<tmx version="1.4">/);
    expect(tmx.match(/<tu /g)).toHaveLength(3);
    expect(tmx).toContain('<seg>পুরো প্রতিবেদন এখানে পড়ুন।</seg>');
    const stdout = await tandem('tm', 'export', '--source-lang', 'en', '--target-lang', 'bn');
    expect(stdout.stdout.replace(/creationdate="[^"]*"/, '')).toBe(tmx.replace(/creationdate="[^"]*"/, ''));
  });

  it('SPEC 18.33 tm import takes an XLIFF file: its confirmed units join the memory, the others are counted as skipped', { timeout: 180_000 }, async () => {
    const imported = await tandem('tm', 'import', fixture('memory/confirmed-1.2.xlf'));
    expect(imported.stdout).toBe('3 added, 0 updated, 5 skipped\n');
    const tmx = (await tandem('tm', 'export', '--source-lang', 'en', '--target-lang', 'bn')).stdout;
    expect(tmx).toContain('<seg>অর্থমন্ত্রী সংসদে বাজেট পেশ করেন।</seg>');
    expect(tmx).not.toContain('অধিবেশন রোববার আবার বসবে।');
    await expect(tandem('tm', 'import', fixture('memory/malformed.xlf'))).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/^400: malformed XML at line \d+/) });
  });

  it('SPEC 18.9 SPEC 9.7 a malformed file is the server\'s 400; a missing language or subcommand is a usage error', { timeout: 180_000 }, async () => {
    await expect(tandem('tm', 'import', fixture('article.en.txt'))).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/^400: malformed XML/) });
    await expect(tandem('tm', 'export', '--source-lang', 'en')).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/^tm export needs --source-lang and --target-lang/) });
    await expect(tandem('tm')).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/^tm needs import or export/) });
    const help = await tandem('help', 'tm', 'import');
    expect(help.stdout).toMatch(/^Usage: tandem tm import FILE/);
  });
});
