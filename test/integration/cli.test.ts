import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
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

/** The command as typed, in an environment of its own (ADMIN_TOKEN and TANDEM_SERVER unset unless given). */
const cli = (args: string[], env: Record<string, string> = {}) =>
  // A server started by mistake would never exit: the timeout ends it, and the test fails on its code.
  run(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { env: { ...process.env, ADMIN_TOKEN: '', TANDEM_SERVER: '', ...env }, timeout: 60_000 });
const tandem = (...args: string[]) => cli([...args, '--server', server.url], { ADMIN_TOKEN });

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

  it('SPEC 9.3 SPEC 6.6 import --align pairs a draft whose paragraph count differs from the source\'s; without it the server\'s refusal says so', { timeout: 180_000 }, async () => {
    const args = ['import', fixture('align-erosion.bn.txt'), '--source', fixture('align-erosion.en.txt'), '--source-lang', 'en', '--target-lang', 'bn'];
    await expect(tandem(...args)).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/^400: source has 14 blocks but target has 15.*align: "auto"/) });
    const imported = await tandem(...args, '--align');
    const id = imported.stdout.split('\n')[0];
    const { segments } = (await (await fetch(`${server.url}/api/documents/${id}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as { segments: unknown[] };
    expect(segments).toHaveLength(15);
  });

  it('SPEC 9.3 errors are readable and exit non-zero', { timeout: 180_000 }, async () => {
    await expect(tandem('export', 'nosuchdocument')).rejects.toMatchObject({ code: 1, stderr: '404: no such document\n' });
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

  it('SPEC 9.3 the client commands find the server at --server, else TANDEM_SERVER', { timeout: 180_000 }, async () => {
    const listed = await cli(['list'], { ADMIN_TOKEN, TANDEM_SERVER: server.url });
    expect(listed.stdout.split('\n')[0]).toMatch(/^id +languages +updated \(UTC\) +title$/);
    const nobody = 'http://127.0.0.1:9';
    expect((await cli(['list', '--server', server.url], { ADMIN_TOKEN, TANDEM_SERVER: nobody })).stdout).toBe(listed.stdout);
    await expect(cli(['list'], { ADMIN_TOKEN, TANDEM_SERVER: nobody })).rejects.toMatchObject({ code: 1, stderr: `no Tandem server answers at ${nobody} (start one with: tandem serve)\n` });
  });

  it('SPEC 9.3 the admin token is ADMIN_TOKEN, else DATA_DIR/admin-token; with neither, an error naming both and nothing written', { timeout: 180_000 }, async () => {
    const empty = await mkdtemp(join(tmpdir(), 'tandem-no-token-'));
    const missing = cli(['list', '--server', server.url, '--data-dir', empty]);
    await expect(missing).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/^no admin token: set ADMIN_TOKEN .*DATA_DIR.*admin-token/) });
    expect(await readdir(empty)).toEqual([]);

    await writeFile(join(empty, 'admin-token'), ADMIN_TOKEN + '\n');
    const listed = await cli(['list', '--server', server.url, '--data-dir', empty]);
    expect(listed.stdout).toMatch(/^id +languages/);
    await writeFile(join(empty, 'admin-token'), 'not-the-admin-token\n');
    await expect(cli(['list', '--server', server.url, '--data-dir', empty])).rejects.toMatchObject({ code: 1, stderr: '401: missing, invalid or revoked token\n' });
    await rm(join(empty, 'admin-token'));
    await mkdir(join(empty, 'admin-token'));
    const unreadable = `cannot read ${join(empty, 'admin-token')}: EISDIR: illegal operation on a directory, read\n`;
    await expect(cli(['list', '--server', server.url, '--data-dir', empty])).rejects.toMatchObject({ code: 2, stderr: unreadable });
    await rm(empty, { recursive: true, force: true });
  });

  it('SPEC 9.7 tandem --help, tandem <command> --help and --version print and exit 0; serve --help starts nothing', { timeout: 180_000 }, async () => {
    const overview = await cli(['--help']);
    for (const command of ['serve', 'import', 'export', 'token', 'list', 'delete', 'revoke', 'check']) expect(overview.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
    expect(overview.stdout).toMatch(/Exit status: 0 done; 1 failed/);
    expect((await cli(['-h'])).stdout).toBe(overview.stdout);
    const own = await mkdtemp(join(tmpdir(), 'tandem-help-'));
    const serveHelp = await cli(['serve', '--help', '--port', '0', '--data-dir', own]);
    expect(serveHelp.stdout).toMatch(/^Usage: tandem serve .*\n[^]*--fsync +fsync every commit group/);
    expect(serveHelp.stdout).not.toMatch(/^Open http/m);
    expect(await readdir(own)).toEqual([]);
    await rm(own, { recursive: true, force: true });
    expect((await cli(['export', '-h'])).stdout).toMatch(/^Usage: tandem export ID [^]*--server URL +the running server \(TANDEM_SERVER/);
    const checkHelp = await cli(['check', '--help']);
    expect(checkHelp.stdout).toMatch(/^Usage: tandem check \[--data-dir DIR\]/);
    expect((await cli(['help'])).stdout).toBe(overview.stdout);
    expect((await cli(['help', 'check'])).stdout).toBe(checkHelp.stdout);
    const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    expect(await cli(['--version'])).toMatchObject({ stdout: `${version}\n`, stderr: '' });
  });

  it('SPEC 9.7 unknown flags, a value for --fsync, missing or extra arguments and unknown commands are usage errors', { timeout: 180_000 }, async () => {
    const usage = (message: string, command: string) => ({ code: 2, stdout: '', stderr: expect.stringMatching(new RegExp(`^${message}\\n\\nUsage: tandem ${command}`)) });
    await expect(cli(['serve', '--port', '0', '--bogus'])).rejects.toMatchObject(usage("Unknown option '--bogus'", 'serve'));
    await expect(cli(['serve', '--port', '0', '--fsync=1'])).rejects.toMatchObject(usage("Option '--fsync' does not take an argument", 'serve'));
    await expect(cli(['serve', 'now'])).rejects.toMatchObject(usage("unexpected argument 'now'", 'serve'));
    await expect(tandem('list', '--format', 'md')).rejects.toMatchObject(usage("Unknown option '--format'", 'list'));
    await expect(tandem('delete')).rejects.toMatchObject(usage('missing ID', 'delete ID'));
    await expect(tandem('frob')).rejects.toMatchObject(usage("unknown command 'frob'", '<command>'));
    await expect(cli([])).rejects.toMatchObject(usage('tandem needs a command', '<command>'));
    await expect(cli(['--port', '9000', 'serve'])).rejects.toMatchObject(usage("Unknown option '--port' \\(flags follow the command\\)", '<command>'));
  });

  it('SPEC 9.8 exit status: 0 done, 1 failed, 2 called wrongly', { timeout: 180_000 }, async () => {
    await expect(tandem('list')).resolves.toMatchObject({ stderr: '' });
    await expect(tandem('revoke', 'nosuchdocument')).rejects.toMatchObject({ code: 1, stderr: '404: no such document\n' });
    await expect(cli(['list', '--server', 'http://127.0.0.1:9'], { ADMIN_TOKEN })).rejects.toMatchObject({ code: 1 });
    await expect(cli(['serve', '--port', 'eighty'])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/^invalid configuration: PORT: .*\n$/) });
    await expect(tandem('token', 'nosuchdocument')).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/^token needs --role/) });
    const own = await mkdtemp(join(tmpdir(), 'tandem-taken-'));
    const taken = cli(['serve', '--port', new URL(server.url).port, '--data-dir', own, '--log-level', 'silent'], { ADMIN_TOKEN });
    await expect(taken).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/^tandem serve: listen EADDRINUSE: .* \(is Tandem already running\? choose another port with --port\)\n$/) });
    await rm(own, { recursive: true, force: true });
  });

  it('SPEC 9.9 list, delete and revoke', { timeout: 180_000 }, async () => {
    const imported = await tandem('import', fixture('article.bn.txt'), '--source-lang', 'en', '--target-lang', 'bn', '--title', 'Libraries, online');
    const [id, viewer] = imported.stdout.trim().split('\n');
    const token = new URL(viewer.slice('viewer: '.length)).searchParams.get('token')!;
    const read = () => fetch(`${server.url}/api/documents/${id}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await read()).status).toBe(200);

    const line = (await tandem('list')).stdout.split('\n').find((l) => l.startsWith(id));
    expect(line).toMatch(new RegExp(`^${id} +en → bn +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d +Libraries, online$`));

    expect((await tandem('revoke', id)).stdout).toBe(`revoked every link to ${id}\n`);
    expect((await read()).status).toBe(401);
    expect((await tandem('delete', id)).stdout).toBe(`deleted ${id}\n`);
    expect((await tandem('list')).stdout).not.toContain(id);
    await expect(tandem('delete', id)).rejects.toMatchObject({ code: 1, stderr: '404: no such document\n' });
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
