import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectProvider, rawSocket } from '../helpers/clients.js';
import { eventually } from '../helpers/eventually.js';

let server: TestServer;
let logs = '';
let doc: { id: string; tokens: Record<'editor' | 'reviewer' | 'viewer', string> };
beforeAll(async () => {
  const sink = new Writable({ write: (chunk, _enc, done) => ((logs += chunk), done()) });
  server = await startTestServer({}, undefined, createLogger('debug', sink));
  doc = await server.createDocument();
});
afterAll(() => server.dispose());

type Who = 'admin' | 'editor' | 'reviewer' | 'viewer' | 'none' | 'bad' | 'foreign';
const everyone: Who[] = ['admin', 'editor', 'reviewer', 'viewer', 'none', 'bad', 'foreign'];
let foreignToken = '';
const tokenOf = (who: Who) =>
  ({ admin: server.adminToken, none: '', bad: 'garbage', foreign: foreignToken })[who as 'admin'] ?? doc.tokens[who as 'editor'];

async function call(who: Who, method: string, path: string, body?: unknown) {
  const response = await fetch(server.url + path, {
    method,
    headers: { ...(who === 'none' ? {} : { authorization: `Bearer ${tokenOf(who)}` }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => null);
  return { status: response.status, json };
}

describe('HTTP access', () => {
  beforeAll(async () => {
    foreignToken = (await server.createDocument()).tokens.editor;
  });

  // Bodies that are invalid on purpose: a role check must answer before validation (SPEC 8.2).
  // A foreign document's token is a valid token: refused with 403 where only the admin may act,
  // with 401 where it names the wrong document.
  const adminOnly = { allowed: ['admin'] as Who[], foreign: 403 };
  const anyRole = { allowed: ['admin', 'editor', 'reviewer', 'viewer'] as Who[], foreign: 401 };
  const routes: Array<{ name: string; method: string; path: () => string; body?: unknown; okStatus: number; allowed: Who[]; foreign: number }> = [
    { name: 'POST /api/documents', method: 'POST', path: () => '/api/documents', body: { nonsense: true }, okStatus: 400, ...adminOnly },
    { name: 'GET /api/documents', method: 'GET', path: () => '/api/documents', okStatus: 200, ...adminOnly },
    { name: 'GET /api/documents/:id', method: 'GET', path: () => `/api/documents/${doc.id}`, okStatus: 200, ...anyRole },
    { name: 'GET /api/documents/:id/export', method: 'GET', path: () => `/api/documents/${doc.id}/export?format=md`, okStatus: 200, ...anyRole },
    { name: 'POST /api/documents/:id/tokens', method: 'POST', path: () => `/api/documents/${doc.id}/tokens`, body: { role: 'owner' }, okStatus: 400, ...adminOnly },
    { name: 'POST /api/documents/:id/tokens/revoke', method: 'POST', path: () => `/api/documents/nosuchdocument/tokens/revoke`, okStatus: 404, ...adminOnly },
    { name: 'DELETE /api/documents/:id', method: 'DELETE', path: () => `/api/documents/nosuchdocument`, okStatus: 404, ...adminOnly },
  ];
  for (const route of routes) {
    it(`SPEC 8.6 SPEC 8.2 ${route.name} for every caller`, async () => {
      for (const who of everyone) {
        const { status, json } = await call(who, route.method, route.path(), route.body);
        const refusal = who === 'foreign' ? route.foreign : who === 'none' || who === 'bad' ? 401 : 403;
        const expected = route.allowed.includes(who) ? route.okStatus : refusal;
        expect({ who, status }).toEqual({ who, status: expected });
        if (status >= 400) expect(json).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
      }
    });
  }

  it('SPEC 8.1 errors are JSON with the right status: unknown route 404, bad JSON 400, oversized body 413', async () => {
    const missing = await call('admin', 'GET', '/api/nothing-here');
    expect(missing).toMatchObject({ status: 404, json: { error: { code: 'not_found' } } });
    const badJson = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: '{"sourceLang":',
    });
    expect(badJson.status).toBe(400);
    expect((await badJson.json()).error.code).toBe('bad_request');
    const huge = await call('admin', 'POST', '/api/documents', { sourceLang: 'en', targetLang: 'bn', format: 'text', target: 'x'.repeat(33 * 1024 * 1024) });
    expect(huge).toMatchObject({ status: 413, json: { error: { code: 'too_large' } } });
    const badLang = await call('admin', 'POST', '/api/documents', { sourceLang: 'english!', targetLang: 'bn', format: 'text', target: 'x' });
    expect(badLang.status).toBe(400);
    expect(badLang.json.error.message).toMatch(/sourceLang/);
    const unknownDoc = await call('admin', 'GET', '/api/documents/nosuchdocument');
    expect(unknownDoc.status).toBe(404);
  });

  it('SPEC 8.4 /healthz needs no token and /metrics speaks Prometheus', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const metrics = await fetch(`${server.url}/metrics`).then((r) => r.text());
    for (const name of ['tandem_connections', 'tandem_rooms', 'tandem_updates_total', 'tandem_store_group_seconds', 'tandem_broadcast_seconds']) {
      expect(metrics).toContain(name);
    }
  });

  it('SPEC 1.7 tokens never appear in logs', async () => {
    await call('viewer', 'GET', `/api/documents/${doc.id}`);
    await fetch(`${server.url}/api/documents/${doc.id}/export?format=txt&token=${doc.tokens.reviewer}`);
    await fetch(`${server.url}/api/documents/${doc.id}/export?format=nope&token=${doc.tokens.viewer}`);
    const bad = rawSocket(`${server.wsUrl}/${doc.id}?token=${doc.tokens.editor}`);
    await bad.opened;
    bad.ws.send(new Uint8Array([42]));
    await eventually(() => expect(bad.state.close?.code).toBe(4400));
    const client = connectProvider(server.wsUrl, doc.id, { token: doc.tokens.editor });
    await eventually(() => expect(client.provider.synced).toBe(true));
    client.destroy();
    expect(logs).toContain('closing a connection that sent a malformed message');
    expect(logs).toContain('[redacted]');
    for (const token of [server.adminToken, ...Object.values(doc.tokens)]) expect(logs).not.toContain(token);
  });
});
