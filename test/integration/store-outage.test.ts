// PostgreSQL unreachable while serving (SPEC 17.17): the instance reaches its database through a TCP
// proxy the test cuts and restores. Real PostgreSQL, stock y-websocket clients.
import { describe, expect, it } from 'vitest';
import { synced, useCluster, type Client } from '../helpers/cluster.js';
import { eventually } from '../helpers/eventually.js';
import type { TestServer } from '../helpers/server.js';
import * as decoding from 'lib0/decoding';
import { FIRST_WAIT_MS, isStoreRefusal, MAX_WAIT_MS, StoreRetry, waitAfterRefusals } from '../../client/collab/store-retry.js';
import { MessageType } from '../../shared/wire.js';

const { database, instance, proxy, client } = useCluster();

/** An instance reaching a fresh database through a proxy. */
async function proxiedInstance(env: Record<string, string> = {}) {
  const db = await database();
  const target = new URL(db.url);
  const link = await proxy(target.hostname, Number(target.port || 5432));
  const server = await instance({ DATABASE_URL: link.via(db.url), ...env });
  return { db, proxy: link, server };
}

const log = (c: Client) => c.doc.getText('log').toString();

/** An article on a proxied instance with an editor and a viewer synced, the editor's 'stored;' seen by the viewer. */
async function storedArticle(env: Record<string, string> = {}) {
  const { db, proxy, server } = await proxiedInstance(env);
  const { id, tokens } = await server.createDocument();
  const editor = client(server.wsUrl, id, tokens.editor);
  const viewer = client(server.wsUrl, id, tokens.viewer);
  await synced(editor, viewer);
  editor.doc.getText('log').insert(0, 'stored;');
  await eventually(() => expect(log(viewer)).toBe('stored;'));
  return { db, proxy, server, id, tokens, editor, viewer };
}

/** The log as a fresh instance on the database loads it. */
async function readFresh(databaseUrl: string, id: string, token: string): Promise<string> {
  const fresh = await instance({ DATABASE_URL: databaseUrl });
  const reader = client(fresh.wsUrl, id, token);
  await synced(reader);
  return log(reader);
}

async function healthz(server: TestServer): Promise<number> {
  return (await fetch(`${server.url}/healthz`)).status;
}

describe('PostgreSQL unreachable while serving (SPEC 17.17)', () => {
  it('SPEC 17.17 writes are refused with 1011 and reach nobody, readers of a loaded room go on and joiners sync, the API answers 503 store_unavailable; once the database is back the refused edits are stored', { timeout: 60_000 }, async () => {
    const { db, proxy, server, id, tokens, editor, viewer } = await storedArticle();

    proxy.cut();
    await eventually(async () => expect(await healthz(server)).toBe(503), { timeout: 10_000 });
    editor.doc.getText('log').insert(7, 'refused;');
    await eventually(() => expect(editor.closes.map((c) => c.code)).toContain(1011));
    expect(editor.closes.find((c) => c.code === 1011)!.reason).toMatch(/store is unreachable/);
    // The viewer stays, reads what was stored, and was never sent the refused edit.
    expect(viewer.closes).toEqual([]);
    expect(viewer.provider.wsconnected).toBe(true);
    expect(log(viewer)).toBe('stored;');
    // A joiner of the loaded room syncs, its token checked as last read from the store.
    const joiner = client(server.wsUrl, id, tokens.viewer);
    await synced(joiner);
    expect(log(joiner)).toBe('stored;');

    for (const [method, path, body, token] of [
      ['GET', `/api/documents/${id}`],
      ['GET', '/api/documents'],
      ['POST', '/api/documents', { sourceLang: 'en', targetLang: 'bn', format: 'text', target: 'নতুন' }],
      ['PUT', `/api/documents/${id}/glossary`, { entries: [{ source: 'paragraph', target: 'অনুচ্ছেদ' }] }, tokens.editor],
    ] as const) {
      const answer = await server.api(method, path, body, token);
      expect(answer.status, `${method} ${path}`).toBe(503);
      expect(answer.body.error.code, `${method} ${path}`).toBe('store_unavailable');
    }
    expect(viewer.closes).toEqual([]);
    expect(log(viewer)).toBe('stored;');

    proxy.restore();
    await eventually(async () => expect(await healthz(server)).toBe(200), { timeout: 10_000 });
    // The editor reconnects on its own (1011 is not final) and its refused edit is stored and sent.
    await eventually(() => expect(log(viewer)).toBe('stored;refused;'), { timeout: 15_000 });
    await eventually(() => expect(log(joiner)).toBe('stored;refused;'));
    expect((await server.api('GET', `/api/documents/${id}`)).status).toBe(200);

    // What the clients saw is in the database: a fresh instance on it loads it.
    expect(await readFresh(db.url, id, tokens.viewer)).toBe('stored;refused;');
  });

  it('SPEC 17.17 an append that fails closes the room\'s connections with 1011 without acknowledging or sending the update; the room is loaded afresh from the store, and the edit is stored once the store takes it', { timeout: 60_000 }, async () => {
    const { db, server, id, tokens, editor, viewer } = await storedArticle();

    // Every append now fails, while reads answer.
    await db.sql('ALTER TABLE updates ADD CONSTRAINT refuse_appends CHECK (false) NOT VALID');
    editor.doc.getText('log').insert(7, 'refused;');
    await eventually(() => expect(viewer.closes.map((c) => c.code)).toContain(1011));
    expect(editor.closes.map((c) => c.code)).toContain(1011);
    // The viewer reconnects to the room loaded afresh from the store: the edit is not there.
    await eventually(() => expect(viewer.provider.synced && viewer.provider.wsconnected).toBe(true), { timeout: 10_000 });
    expect(log(viewer)).toBe('stored;');

    await db.sql('ALTER TABLE updates DROP CONSTRAINT refuse_appends');
    await eventually(() => expect(log(viewer)).toBe('stored;refused;'), { timeout: 15_000 });
    expect(await readFresh(db.url, id, tokens.viewer)).toBe('stored;refused;');
  });

  it('SPEC 17.17 a database gone silent fails an append after STORE_TIMEOUT_MS like one that refuses it: 1011, nothing acknowledged or sent, /healthz 503; once it answers the edit is there', { timeout: 60_000 }, async () => {
    const { proxy, server, id, editor, viewer } = await storedArticle({ STORE_TIMEOUT_MS: '1000' });

    // The database's answers stop coming, its connections staying open.
    proxy.hold();
    editor.doc.getText('log').insert(7, 'unanswered;');
    await eventually(() => expect(viewer.closes.map((c) => c.code)).toContain(1011), { timeout: 15_000 });
    expect(log(viewer)).toBe('stored;');
    expect(await healthz(server)).toBe(503);

    proxy.release();
    await eventually(() => expect(log(viewer)).toBe('stored;unanswered;'), { timeout: 20_000 });
    await eventually(async () => expect(await healthz(server)).toBe(200));
  });

  it('SPEC 10.30 an editor refused because the store is unreachable waits longer before each new try, though each connection syncs before the refusal; once the store answers its edit is stored, and the first acknowledged write makes the next refusal wait a second again', { timeout: 120_000 }, async () => {
    const { db, proxy, server, id, tokens, editor, viewer } = await storedArticle();
    // The desk's provider: y-websocket as the page configures it, with the store retry, asking for
    // the server's stored acknowledgements from its next connection on: one ends the retry.
    const told: Array<[boolean, number]> = [];
    const retry = new StoreRetry(editor.provider, (refused, wait) => told.push([refused, wait]));
    const waits = () => told.filter(([refused]) => refused).map(([, wait]) => wait);
    editor.provider.params.ack = '1';
    editor.provider.messageHandlers[MessageType.stored] = (_encoder, decoder) => {
      decoding.readVarUint(decoder);
      retry.acknowledged();
    };
    const refusedAt: number[] = [];
    editor.provider.on('connection-close', (event) => isStoreRefusal(event) && refusedAt.push(Date.now()));

    proxy.cut();
    await eventually(async () => expect(await healthz(server)).toBe(503), { timeout: 10_000 });
    editor.doc.getText('log').insert(7, 'kept;');
    await eventually(() => expect(refusedAt.length).toBeGreaterThanOrEqual(3), { timeout: 30_000 });
    // Each try synced (reads go on) and was refused again: y-websocket alone would have retried
    // within 200 ms of each. The waits between tries grow.
    expect(waits().slice(0, 3)).toEqual([FIRST_WAIT_MS, 2 * FIRST_WAIT_MS, 4 * FIRST_WAIT_MS]);
    expect(refusedAt[1] - refusedAt[0]).toBeGreaterThanOrEqual(FIRST_WAIT_MS - 5);
    expect(refusedAt[2] - refusedAt[1]).toBeGreaterThanOrEqual(2 * FIRST_WAIT_MS - 5);
    expect(log(viewer)).toBe('stored;');

    proxy.restore();
    // The next try is at most MAX_WAIT_MS away.
    await eventually(() => expect(log(viewer)).toBe('stored;kept;'), { timeout: MAX_WAIT_MS + 15_000 });
    await eventually(() => expect(told.at(-1)).toEqual([false, 0]));

    // Refused again later: the waits start from a second again.
    const before = waits().length;
    proxy.cut();
    await eventually(async () => expect(await healthz(server)).toBe(503), { timeout: 10_000 });
    editor.doc.getText('log').insert(12, 'again;');
    await eventually(() => expect(waits().length).toBeGreaterThan(before), { timeout: 15_000 });
    expect(waits()[before]).toBe(FIRST_WAIT_MS);
    proxy.restore();
    await eventually(() => expect(log(viewer)).toBe('stored;kept;again;'), { timeout: MAX_WAIT_MS + 15_000 });
    expect(await readFresh(db.url, id, tokens.viewer)).toBe('stored;kept;again;');
  });

  it('SPEC 10.30 the wait after refusals in a row doubles from a second up to its cap', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(waitAfterRefusals)).toEqual([1000, 2000, 4000, 8000, 16_000, 16_000, 16_000]);
    expect(MAX_WAIT_MS).toBe(16_000);
    expect(isStoreRefusal({ code: 1011, reason: 'the store is unreachable: changes are not saved' })).toBe(true);
    expect(isStoreRefusal({ code: 1011, reason: 'storing failed' })).toBe(false);
    expect(isStoreRefusal({ code: 1006, reason: '' })).toBe(false);
    expect(isStoreRefusal(null)).toBe(false);
  });
});
