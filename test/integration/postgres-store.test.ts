// Tandem on PostgreSQL (SPEC 17): a real server with DATABASE_URL, stock y-websocket clients, and a
// database of this file's own on the machine's PostgreSQL.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectProvider } from '../helpers/clients.js';
import { createDocumentAt, startChildServer, type ChildServer } from '../helpers/child-server.js';
import { eventually } from '../helpers/eventually.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../helpers/server.js';
import { createDocument } from '../../server/documents/create.js';
import { openPostgresStore } from '../../server/storage/postgres/store.js';
import { roomName } from '../../shared/schema.js';

const run = promisify(execFile);

let db: TestDatabase;
const dirs: string[] = [];
const children: ChildServer[] = [];
const servers: TestServer[] = [];
const databases: TestDatabase[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  for (const child of children.splice(0)) child.process.kill('SIGKILL');
  await Promise.all(servers.splice(0).map((server) => server.dispose()));
  await Promise.all(databases.splice(0).map((fresh) => fresh.drop()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
afterAll(async () => {
  await db?.drop();
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tandem-pg-'));
  dirs.push(dir);
  return dir;
}

async function child(env: Record<string, string>): Promise<ChildServer> {
  const started = await startChildServer(await dataDir(), env);
  children.push(started);
  return started;
}

async function call(url: string, method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** `tandem <args>` in a process of its own; resolves with its exit code and output. */
async function tandem(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe('Tandem on PostgreSQL', () => {
  it('SPEC 17.1 with DATABASE_URL two stock clients converge, and what they saw, a version and the workspace glossary survive kill -9 and a restart on an empty data directory', { timeout: 120_000 }, async () => {
    const env = { DATABASE_URL: db.url };
    const first = await child(env);
    const { id, tokens } = await createDocumentAt(first.url);
    const a = connectProvider(first.wsUrl, id, { token: tokens.editor });
    const b = connectProvider(first.wsUrl, id, { token: tokens.editor });
    try {
      await eventually(() => expect(a.provider.synced && b.provider.synced).toBe(true), { timeout: 15_000 });
      a.doc.getText('log').insert(0, 'typed in a;');
      b.doc.getText('log').insert(0, 'typed in b;');
      await eventually(() => {
        const seen = b.doc.getText('log').toString();
        expect(seen).toContain('typed in a;');
        expect(seen).toContain('typed in b;');
        expect(a.doc.getText('log').toString()).toBe(seen);
      });
      expect((await call(first.url, 'POST', `/api/documents/${id}/versions`, tokens.editor, { name: 'Before the count' })).status).toBe(201);
      const entries = [{ source: 'ballot', target: 'ব্যালট' }];
      expect((await call(first.url, 'PUT', '/api/glossary', ADMIN_TOKEN, { entries })).status).toBe(200);
      const seen = b.doc.getText('log').toString();

      first.process.kill('SIGKILL');
      await first.exited;
      // Another data directory: everything comes from PostgreSQL, the signing key of the tokens too.
      const second = await child(env);
      const c = connectProvider(second.wsUrl, id, { token: tokens.viewer });
      try {
        await eventually(() => expect(c.doc.getText('log').toString()).toBe(seen), { timeout: 15_000 });
      } finally {
        c.destroy();
      }
      const versions = await call(second.url, 'GET', `/api/documents/${id}/versions`, tokens.viewer);
      expect(versions.body.versions.map((v: { name: string }) => v.name)).toContain('Before the count');
      expect((await call(second.url, 'GET', '/api/glossary', ADMIN_TOKEN)).body.entries).toEqual(entries);
    } finally {
      a.destroy();
      b.destroy();
    }
  });

  it('SPEC 17.4 two instances started at once on one fresh database share the schema, the documents and the token signing key', async () => {
    const fresh = await createTestDatabase();
    databases.push(fresh);
    const [one, two] = await Promise.all([startTestServer({ DATABASE_URL: fresh.url }), startTestServer({ DATABASE_URL: fresh.url })]);
    servers.push(one, two);
    const { id, tokens } = await one.createDocument();
    expect((await two.api('GET', '/api/documents')).body.documents.map((d: { id: string }) => d.id)).toEqual([id]);
    const read = await two.api('GET', `/api/documents/${id}`, undefined, tokens.reviewer);
    expect(read.status).toBe(200);
    expect(read.body.segments).toHaveLength(3);
  });

  it('SPEC 17.6 /healthz answers 200 while the store answers and 503 store_unavailable once the database is gone', async () => {
    const fresh = await createTestDatabase();
    databases.push(fresh);
    const server = await startTestServer({ DATABASE_URL: fresh.url });
    servers.push(server);
    expect(await server.api('GET', '/healthz')).toMatchObject({ status: 200, body: { ok: true } });
    await fresh.drop();
    expect(await server.api('GET', '/healthz')).toMatchObject({ status: 503, body: { error: { code: 'store_unavailable' } } });
  });

  it('SPEC 17.5 serve with PostgreSQL unreachable stops at once with one line naming it, password hidden (exit 1)', { timeout: 90_000 }, async () => {
    const { code, stdout, stderr } = await tandem(['serve', '--port', '0', '--data-dir', await dataDir()], {
      DATABASE_URL: 'postgres://tandem:hunter2@127.0.0.1:1/tandem',
      ADMIN_TOKEN,
      LOG_LEVEL: 'silent',
    });
    expect(code).toBe(1);
    expect(stdout).not.toContain('Open ');
    expect(stderr).toMatch(/^tandem serve: cannot open the PostgreSQL store at postgres:\/\/tandem:\*\*\*@127\.0\.0\.1:1\/tandem: .*ECONNREFUSED.*\n$/);
    expect(stderr).not.toContain('hunter2');
  });

  it('SPEC 17.7 tandem check with DATABASE_URL checks the PostgreSQL store: one line per problem and a summary as on SQLite, exit 0 when consistent, 1 with problems, 2 without a Tandem store', { timeout: 120_000 }, async () => {
    const fresh = await createTestDatabase();
    databases.push(fresh);
    const store = await openPostgresStore({ url: fresh.url });
    const { id } = await createDocument(store, { format: 'text', sourceLang: 'en', targetLang: 'bn', target: 'এক\n\nদুই' });
    await store.close();
    const env = { DATABASE_URL: fresh.url };

    const consistent = await tandem(['check'], env);
    expect(consistent.code).toBe(0);
    expect(consistent.stdout).toMatch(/^checked 1 document \(2 rooms, 2 stored updates\) in \d+ ms: consistent\n$/);

    // An update that does not decode, stored past the room's seq counter; and the review room's log gone.
    await fresh.sql(`INSERT INTO updates (room, seq, data) VALUES ($1, 2, '\\x00ff'::bytea)`, [id]);
    await fresh.sql('DELETE FROM updates WHERE room = $1', [roomName(id, 'review')]);
    const found = await tandem(['check'], env);
    expect(found.code).toBe(1);
    expect(found.stdout.split('\n')).toEqual([
      `${id}: its review room is not stored`,
      `${id}: content: its seq counter (1) is behind the log's last seq 2`,
      expect.stringMatching(new RegExp(`^${id}: content: update seq 2 does not decode: .+`)),
      expect.stringMatching(/^checked 1 document \(1 room, 2 stored updates\) in \d+ ms: 3 problems$/),
      '',
    ]);

    const empty = await createTestDatabase();
    databases.push(empty);
    const none = await tandem(['check'], { DATABASE_URL: empty.url });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(`no Tandem store in the database at ${empty.url} (no tandem_migrations table)\n`);
  });
});
