import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
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
  dir = await mkdtemp(join(tmpdir(), 'tandem-cli-'));
  server = await startChildServer(dir);
});
afterAll(async () => {
  server.process.kill('SIGTERM');
  await server.exited;
  await rm(dir, { recursive: true, force: true });
});

const tandem = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args, '--server', server.url], { env: { ...process.env, ADMIN_TOKEN } });

describe('tandem command', () => {
  it('SPEC 9.2 serve prints the admin link once, on stdout', () => {
    const lines = server.output().split('\n').filter((line) => line.startsWith('Open '));
    expect(lines).toEqual([`Open ${server.url}/?token=${ADMIN_TOKEN}`]);
  });

  // Each command is a new Node process compiling TypeScript on the fly: slow on a busy machine.
  it('SPEC 9.3 import, token and export talk to the running server', { timeout: 180_000 }, async () => {
    const imported = await tandem('import', fixture('article.bn.txt'), '--source', fixture('article.en.txt'), '--source-lang', 'en', '--target-lang', 'bn');
    const [id, ...links] = imported.stdout.trim().split('\n');
    expect(id).toMatch(/^[a-z0-9]+$/);
    expect(links.map((l) => l.split(':')[0]).sort()).toEqual(['editor', 'reviewer', 'viewer']);

    const minted = await tandem('token', id, '--role', 'reviewer', '--name', 'Rina');
    const [token, link] = minted.stdout.trim().split('\n');
    expect(link).toBe(`${server.url}/d/${id}?token=${token}`);

    const out = join(dir, 'out.txt');
    await tandem('export', id, '--format', 'txt', '-o', out);
    expect(await readFile(out, 'utf8')).toBe(await readFile(fixture('article.bn.txt'), 'utf8'));
    const md = await tandem('export', id, '--format', 'md');
    expect(md.stdout.startsWith('# ')).toBe(true);
    const docx = join(dir, 'out.docx');
    await tandem('export', id, '--format', 'docx', '-o', docx);
    expect((await readFile(docx)).subarray(0, 2).toString()).toBe('PK');
    const xliff = join(dir, 'out.xlf');
    await tandem('export', id, '--format', 'xliff', '-o', xliff);
    const again = await tandem('import', xliff);
    const reimported = again.stdout.trim().split('\n')[0];
    const back = join(dir, 'back.txt');
    await tandem('export', reimported, '--format', 'txt', '-o', back);
    expect(await readFile(back, 'utf8')).toBe(await readFile(fixture('article.bn.txt'), 'utf8'));
  });

  it('SPEC 9.3 errors are readable and exit non-zero', { timeout: 180_000 }, async () => {
    await expect(tandem('export', 'nosuchdocument')).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/404: no such document/) });
    await expect(tandem('import')).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/Usage/) });
    await expect(tandem('import', fixture('article.bn.txt'))).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/^import needs --source-lang and --target-lang/) });
    const missing = join(dir, 'missing.txt');
    for (const args of [[missing, '--source-lang', 'en', '--target-lang', 'bn'], [fixture('article.bn.txt'), '--source', missing, '--source-lang', 'en', '--target-lang', 'bn']]) {
      await expect(tandem('import', ...args)).rejects.toMatchObject({ code: 2, stderr: `cannot read ${missing}: no such file\n` });
    }
    const imported = await tandem('import', fixture('article.bn.txt'), '--source-lang', 'en', '--target-lang', 'bn');
    const nowhere = join(dir, 'no-such-folder', 'out.md');
    await expect(tandem('export', imported.stdout.split('\n')[0], '-o', nowhere)).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(new RegExp(`^cannot write ${nowhere}: `)) });
  });

  it('SPEC 1.3 a generated admin token is kept in DATA_DIR with mode 0600 and reused', async () => {
    const own = await mkdtemp(join(tmpdir(), 'tandem-admin-'));
    const env = { ADMIN_TOKEN: '' };
    const first = await startChildServer(own, env);
    const token = /\?token=(\S+)/.exec(first.output())![1];
    first.process.kill('SIGTERM');
    await first.exited;
    const file = join(own, 'admin-token');
    expect((await readFile(file, 'utf8')).trim()).toBe(token);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const second = await startChildServer(own, env);
    expect(second.output()).toContain(`?token=${token}`);
    second.process.kill('SIGTERM');
    await second.exited;
    await rm(own, { recursive: true, force: true });
  });
});
