// Every HTTP route × every caller, in one table (SPEC 8.6): the admin, each role, no token, a
// garbage one, another document's token, an expired and a revoked one. Bodies are invalid on
// purpose, so a caller let through is answered 400 and nothing changes: the role check comes first
// (SPEC 8.2). Every answer carries the security headers (SPEC 8.9); no token reaches the logs (SPEC 1.7).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { createLogger } from '../../server/logger.js';
import { CLIENT_DIR, PACKAGE_ROOT } from '../../server/paths.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectProvider, rawSocket } from '../helpers/clients.js';
import { eventually } from '../helpers/eventually.js';
import { docxBomb } from '../helpers/docx-bomb.js';
import { MAX_DOCX_UNPACKED_BYTES } from '../../shared/import/docx-size.js';
import { EXPORT_FORMATS } from '../../shared/schema.js';

const MAX_BODY_BYTES = 256 * 1024;

type Caller = 'none' | 'garbage' | 'admin' | 'editor' | 'reviewer' | 'viewer' | 'foreign' | 'expired' | 'revoked';
const CALLERS: Caller[] = ['none', 'garbage', 'admin', 'editor', 'reviewer', 'viewer', 'foreign', 'expired', 'revoked'];
const ROLE_ORDER = ['viewer', 'reviewer', 'editor'] as const;

/**
 * Who gets through: everyone (`public`), the admin alone, or a document's tokens from a role up —
 * with the admin reading too (`admin: 'reads'`), acting too (`'acts'`: filling the memory, SPEC
 * 18.32) or refused (403: it cannot act on an article); or the admin and any token of an article
 * in the language pair asked for (`pair`: the memory, SPEC 18.6).
 */
type Access = 'public' | 'admin' | 'pair' | { least: (typeof ROLE_ORDER)[number]; admin: 'reads' | 'acts' | 'refused' };

interface Route {
  route: string;
  path: () => string;
  body?: unknown;
  /** Whether the token travels as `?token=` (export and glossary links) rather than a header. */
  query?: boolean;
  access: Access;
  /** The status a caller who gets through receives. */
  ok: number;
  /** What tells this row from another of the same route. */
  what?: string;
}

const reads: Access = { least: 'viewer', admin: 'reads' };
const reviewer: Access = { least: 'reviewer', admin: 'refused' };
const editor: Access = { least: 'editor', admin: 'refused' };

let server: TestServer;
let logs = '';
let doc: { id: string; tokens: Record<'editor' | 'reviewer' | 'viewer', string> };
const tokens = {} as Record<Caller, string | null>;
let asset = '';
/** A named version and an automatic one of the document (SPEC 16). */
const versions = { named: '', auto: '' };

const routes: Route[] = [
  { route: 'POST /api/documents', path: () => '/api/documents', body: { nonsense: true }, access: 'admin', ok: 400 },
  { route: 'GET /api/documents', path: () => '/api/documents', access: 'admin', ok: 200 },
  { route: 'POST /api/align', path: () => '/api/align', body: { nonsense: true }, access: 'admin', ok: 400 },
  { route: 'GET /api/documents/:id', path: () => `/api/documents/${doc.id}`, access: reads, ok: 200 },
  { route: 'DELETE /api/documents/:id', path: () => '/api/documents/nosuchdocument', access: 'admin', ok: 404 },
  { route: 'POST /api/documents/:id/tokens', path: () => `/api/documents/${doc.id}/tokens`, body: { role: 'owner' }, access: 'admin', ok: 400 },
  { route: 'POST /api/documents/:id/tokens/revoke', path: () => '/api/documents/nosuchdocument/tokens/revoke', access: 'admin', ok: 404 },
  { route: 'POST /api/documents/:id/session', path: () => `/api/documents/${doc.id}/session`, body: { name: 5 }, access: { least: 'viewer', admin: 'refused' }, ok: 400 },
  { route: 'GET /api/documents/:id/export', path: () => `/api/documents/${doc.id}/export?format=md`, access: reads, ok: 200 },
  { route: 'GET /api/documents/:id/export', path: () => `/api/documents/${doc.id}/export?format=md`, query: true, access: reads, ok: 200 },
  { route: 'GET /api/documents/:id/suggestions', path: () => `/api/documents/${doc.id}/suggestions`, access: reads, ok: 200 },
  { route: 'POST /api/documents/:id/suggestions', path: () => `/api/documents/${doc.id}/suggestions`, body: {}, access: reviewer, ok: 400 },
  { route: 'PATCH /api/documents/:id/suggestions/:sid', path: () => `/api/documents/${doc.id}/suggestions/nosuch`, body: { text: 5 }, access: reviewer, ok: 400 },
  { route: 'POST /api/documents/:id/suggestions/:sid/accept', path: () => `/api/documents/${doc.id}/suggestions/nosuch/accept`, access: editor, ok: 404 },
  { route: 'POST /api/documents/:id/suggestions/:sid/reject', path: () => `/api/documents/${doc.id}/suggestions/nosuch/reject`, access: editor, ok: 404 },
  { route: 'POST /api/documents/:id/suggestions/:sid/withdraw', path: () => `/api/documents/${doc.id}/suggestions/nosuch/withdraw`, access: reviewer, ok: 404 },
  { route: 'POST /api/documents/:id/suggestions/accept-all', path: () => `/api/documents/${doc.id}/suggestions/accept-all`, body: { segmentId: 5 }, access: editor, ok: 400 },
  { route: 'POST /api/documents/:id/suggestions/reject-all', path: () => `/api/documents/${doc.id}/suggestions/reject-all`, body: { segmentId: 5 }, access: editor, ok: 400 },
  { route: 'GET /api/documents/:id/comments', path: () => `/api/documents/${doc.id}/comments`, access: reads, ok: 200 },
  { route: 'POST /api/documents/:id/comments', path: () => `/api/documents/${doc.id}/comments`, body: {}, access: reviewer, ok: 400 },
  { route: 'POST /api/documents/:id/comments/:cid/replies', path: () => `/api/documents/${doc.id}/comments/nosuch/replies`, body: {}, access: reviewer, ok: 400 },
  { route: 'POST /api/documents/:id/comments/:cid/resolve', path: () => `/api/documents/${doc.id}/comments/nosuch/resolve`, access: reviewer, ok: 404 },
  { route: 'POST /api/documents/:id/comments/:cid/reopen', path: () => `/api/documents/${doc.id}/comments/nosuch/reopen`, access: reviewer, ok: 404 },
  { route: 'PUT /api/documents/:id/segments/:segmentId/status', path: () => `/api/documents/${doc.id}/segments/nosuch/status`, body: { status: 'done' }, access: reviewer, ok: 400 },
  { route: 'PUT /api/documents/:id/segments/:segmentId/omitted', path: () => `/api/documents/${doc.id}/segments/nosuch/omitted`, body: { omitted: 'yes' }, access: editor, ok: 400 },
  { route: 'POST /api/documents/:id/segments/:segmentId/split', path: () => `/api/documents/${doc.id}/segments/nosuch/split`, body: { at: -1 }, access: editor, ok: 400 },
  { route: 'POST /api/documents/:id/segments/:segmentId/merge', path: () => `/api/documents/${doc.id}/segments/nosuch/merge`, access: editor, ok: 404 },
  { route: 'POST /api/documents/:id/segments/:segmentId/propagate', path: () => `/api/documents/${doc.id}/segments/nosuch/propagate`, access: editor, ok: 404 },
  { route: 'PATCH /api/documents/:id', path: () => `/api/documents/${doc.id}`, body: { propagateRepetitions: 'yes' }, access: editor, ok: 400 },
  { route: 'GET /api/documents/:id/glossary', path: () => `/api/documents/${doc.id}/glossary`, access: reads, ok: 200 },
  { route: 'GET /api/documents/:id/glossary', path: () => `/api/documents/${doc.id}/glossary?format=csv`, query: true, access: reads, ok: 200 },
  { route: 'PUT /api/documents/:id/glossary', path: () => `/api/documents/${doc.id}/glossary`, body: { entries: 5 }, access: editor, ok: 400 },
  { route: 'GET /api/documents/:id/qa', path: () => `/api/documents/${doc.id}/qa`, access: reads, ok: 200 },
  { route: 'GET /api/documents/:id/qa/profile', path: () => `/api/documents/${doc.id}/qa/profile`, access: reads, ok: 200 },
  { route: 'PUT /api/documents/:id/qa/profile', path: () => `/api/documents/${doc.id}/qa/profile`, body: { checks: 5 }, access: editor, ok: 400 },
  { route: 'GET /api/documents/:id/qa/ignored', path: () => `/api/documents/${doc.id}/qa/ignored`, access: reads, ok: 200 },
  { route: 'POST /api/documents/:id/qa/ignored', path: () => `/api/documents/${doc.id}/qa/ignored`, body: {}, access: editor, ok: 400 },
  { route: 'DELETE /api/documents/:id/qa/ignored/:ignoredId', path: () => `/api/documents/${doc.id}/qa/ignored/nosuch`, access: editor, ok: 404 },
  { route: 'POST /api/documents/:id/versions', path: () => `/api/documents/${doc.id}/versions`, body: { name: 5 }, access: editor, ok: 400 },
  { route: 'GET /api/documents/:id/versions', path: () => `/api/documents/${doc.id}/versions`, access: reads, ok: 200 },
  { route: 'GET /api/documents/:id/versions/:vid/export', path: () => `/api/documents/${doc.id}/versions/nosuch/export?format=md`, access: reads, ok: 404 },
  { route: 'GET /api/documents/:id/versions/:vid/export', path: () => `/api/documents/${doc.id}/versions/nosuch/export?format=md`, query: true, access: reads, ok: 404 },
  // A stored version in every export format (SPEC 16.3).
  ...EXPORT_FORMATS.map((format): Route => ({ route: 'GET /api/documents/:id/versions/:vid/export', path: () => `/api/documents/${doc.id}/versions/${versions.named}/export?format=${format}`, access: reads, ok: 200, what: `a version as ${format}` })),
  { route: 'GET /api/documents/:id/versions/:vid/export', path: () => `/api/documents/${doc.id}/versions/${versions.named}/export?format=docx`, query: true, access: reads, ok: 200, what: 'a version as docx' },
  { route: 'GET /api/documents/:id/diff', path: () => `/api/documents/${doc.id}/diff?from=current&to=current`, access: reads, ok: 200 },
  { route: 'GET /api/documents/:id/diff', path: () => `/api/documents/${doc.id}/diff?from=${versions.named}&to=current`, access: reads, ok: 200, what: 'a version against the current text' },
  { route: 'GET /api/documents/:id/diff', path: () => `/api/documents/${doc.id}/diff?from=current&to=current&format=docx`, query: true, access: reads, ok: 200, what: 'as Word' },
  { route: 'GET /api/documents/:id/diff', path: () => `/api/documents/${doc.id}/diff?from=${versions.named}&to=current&format=html`, query: true, access: reads, ok: 200, what: 'as HTML' },
  { route: 'POST /api/documents/:id/versions/:vid/restore', path: () => `/api/documents/${doc.id}/versions/nosuch/restore`, access: editor, ok: 404 },
  // One segment only: a segment id that is no string is refused, so nothing is restored.
  { route: 'POST /api/documents/:id/versions/:vid/restore', path: () => `/api/documents/${doc.id}/versions/${versions.named}/restore`, body: { segmentId: 5 }, access: editor, ok: 400, what: 'one segment only' },
  { route: 'DELETE /api/documents/:id/versions/:vid', path: () => `/api/documents/${doc.id}/versions/nosuch`, access: editor, ok: 404 },
  // Named versions only: an automatic one is refused (SPEC 16.6).
  { route: 'DELETE /api/documents/:id/versions/:vid', path: () => `/api/documents/${doc.id}/versions/${versions.auto}`, access: editor, ok: 409, what: 'an automatic version' },
  { route: 'GET /api/documents/:id/segments/:sid/history', path: () => `/api/documents/${doc.id}/segments/nosuch/history`, access: reads, ok: 404 },
  { route: 'GET /api/documents/:id/segments/:segmentId/matches', path: () => `/api/documents/${doc.id}/segments/nosuch/matches`, access: reads, ok: 404 },
  { route: 'GET /api/tm/search', path: () => '/api/tm/search?q=first&sourceLang=en&targetLang=bn', access: 'pair', ok: 200 },
  { route: 'POST /api/tm/import', path: () => '/api/tm/import', body: { nonsense: true }, access: 'admin', ok: 400 },
  { route: 'GET /api/tm/stats', path: () => '/api/tm/stats', access: 'admin', ok: 200 },
  { route: 'POST /api/documents/:id/memory', path: () => `/api/documents/${doc.id}/memory`, access: { least: 'editor', admin: 'acts' }, ok: 200 },
  { route: 'GET /api/tm/export', path: () => '/api/tm/export?format=tmx&sourceLang=en&targetLang=bn', access: 'admin', ok: 200 },
  { route: 'GET /api/glossary', path: () => '/api/glossary', access: 'admin', ok: 200 },
  { route: 'PUT /api/glossary', path: () => '/api/glossary', body: { entries: 5 }, access: 'admin', ok: 400 },
  { route: 'GET /healthz', path: () => '/healthz', access: 'public', ok: 200 },
  { route: 'GET /metrics', path: () => '/metrics', access: 'public', ok: 200 },
  { route: 'GET /', path: () => '/', access: 'public', ok: 200 },
  { route: 'GET /d/:id', path: () => `/d/${doc.id}`, access: 'public', ok: 200 },
  { route: 'GET /assets/*', path: () => asset, access: 'public', ok: 200 },
];

function expectedStatus(access: Access, ok: number, caller: Caller): number {
  if (access === 'public') return ok;
  if (caller === 'none' || caller === 'garbage' || caller === 'expired' || caller === 'revoked') return 401;
  if (access === 'admin') return caller === 'admin' ? ok : 403;
  // Another article's token in the same pair reads the memory too.
  if (access === 'pair') return ok;
  if (caller === 'admin') return access.admin === 'refused' ? 403 : ok;
  // A valid token of another document names the wrong document: as good as no token here.
  if (caller === 'foreign') return 401;
  return ROLE_ORDER.indexOf(caller) >= ROLE_ORDER.indexOf(access.least) ? ok : 403;
}

async function call(route: Route, caller: Caller) {
  const token = tokens[caller];
  let path = route.path();
  const headers: Record<string, string> = {};
  if (token !== null && route.query) path += `${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
  else if (token !== null) headers.authorization = `Bearer ${token}`;
  if (route.body !== undefined) headers['content-type'] = 'application/json';
  const method = route.route.split(' ')[0];
  const response = await fetch(server.url + path, { method, headers, body: route.body === undefined ? undefined : JSON.stringify(route.body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text };
}

/** Every route the server registers, read from the route modules. */
function registeredRoutes(): Set<string> {
  const dir = join(PACKAGE_ROOT, 'server', 'http');
  const found = new Set<string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
    for (const [, method, path] of readFileSync(join(dir, file), 'utf8').matchAll(/app\.(get|post|put|patch|delete)\(\s*'([^']+)'/g)) {
      found.add(`${method.toUpperCase()} ${path}`);
    }
  }
  return found;
}

beforeAll(async () => {
  const page = readFileSync(join(CLIENT_DIR, 'index.html'), 'utf8'); // the page's routes need the built client
  asset = /src="(\/assets\/[^"]+\.js)"/.exec(page)![1];
  const sink = new Writable({ write: (chunk, _enc, done) => ((logs += chunk), done()) });
  server = await startTestServer({ MAX_BODY_BYTES: String(MAX_BODY_BYTES) }, undefined, createLogger('debug', sink));
  doc = await server.createDocument();
  // Revoking bumps the document's generation: the tokens of the creation stop working, new ones are minted.
  tokens.revoked = doc.tokens.editor;
  expect((await server.api('POST', `/api/documents/${doc.id}/tokens/revoke`)).status).toBe(200);
  for (const role of ROLE_ORDER) doc.tokens[role] = (await server.api('POST', `/api/documents/${doc.id}/tokens`, { role })).body.token;
  Object.assign(tokens, { none: null, garbage: 'not-a-token', admin: server.adminToken, ...doc.tokens });
  tokens.foreign = (await server.createDocument()).tokens.editor;
  tokens.expired = (await server.api('POST', `/api/documents/${doc.id}/tokens`, { role: 'editor', expiresIn: 1 })).body.token;
  versions.named = (await server.api('POST', `/api/documents/${doc.id}/versions`, { name: 'Sent to review' }, doc.tokens.editor)).body.id;
  versions.auto = (await server.api('POST', `/api/documents/${doc.id}/versions/${versions.named}/restore`, undefined, doc.tokens.editor)).body.before.id;
  expect([versions.named, versions.auto]).toEqual([expect.any(String), expect.any(String)]);
  const { exp } = decodeJwt(tokens.expired!);
  await eventually(() => expect(Date.now()).toBeGreaterThan(exp! * 1000), { timeout: 3000 });
});
afterAll(() => server.dispose());

describe('HTTP access', () => {
  it('SPEC 8.6 the table names every route the server registers', () => {
    expect(new Set(routes.map((r) => r.route))).toEqual(registeredRoutes());
  });

  for (const route of routes) {
    it(`SPEC 8.6 SPEC 8.2 SPEC 1.6 SPEC 8.9 ${route.route}${route.what ? ` (${route.what})` : ''}${route.query ? ' (?token=)' : ''} for every caller`, async () => {
      for (const caller of CALLERS) {
        const { status, headers, text } = await call(route, caller);
        expect({ caller, status }).toEqual({ caller, status: expectedStatus(route.access, route.ok, caller) });
        if (status >= 400) expect(JSON.parse(text)).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
        expect(headers.get('referrer-policy')).toBe('no-referrer');
        expect(headers.get('x-content-type-options')).toBe('nosniff');
        expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      }
    });
  }
});

describe('HTTP errors and limits', () => {
  it('SPEC 8.1 errors are JSON with the right status: unknown route 404, bad JSON 400, bad field 400', async () => {
    const missing = await server.api('GET', '/api/nothing-here');
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    const badJson = await server.api('POST', '/api/documents', '{"sourceLang":');
    expect(badJson).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    const badLang = await server.api('POST', '/api/documents', { sourceLang: 'english!', targetLang: 'bn', format: 'text', target: 'x' });
    expect(badLang.status).toBe(400);
    expect(badLang.body.error.message).toMatch(/sourceLang/);
    expect((await server.api('GET', '/api/documents/nosuchdocument')).status).toBe(404);
  });

  it('SPEC 8.8 a body over MAX_BODY_BYTES — JSON, an import, CSV — or a Word draft unpacking past 64 MiB is refused with 413 naming the limit', async () => {
    const big = 'x'.repeat(MAX_BODY_BYTES);
    const tooLarge = { error: { code: 'too_large', message: `request body too large: at most ${MAX_BODY_BYTES} bytes (MAX_BODY_BYTES)` } };
    expect(await server.api('POST', '/api/documents', { sourceLang: 'en', targetLang: 'bn', format: 'text', target: big })).toMatchObject({ status: 413, body: tooLarge });
    expect(await server.api('POST', '/api/documents', { format: 'xliff', content: `<xliff>${big}</xliff>` })).toMatchObject({ status: 413, body: tooLarge });
    const csv = await fetch(`${server.url}/api/glossary`, { method: 'PUT', headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'text/csv' }, body: `source,target\n${big}` });
    expect({ status: csv.status, body: await csv.json() }).toMatchObject({ status: 413, body: tooLarge });
    // Without a token it is refused all the same: the limit holds before authentication.
    expect((await server.api('POST', `/api/documents/${doc.id}/comments`, { text: big }, 'not-a-token')).status).toBe(413);
    // A Word draft within the limit that would unpack to gigabytes is refused as too large too.
    const bomb = { format: 'docx', sourceLang: 'en', targetLang: 'bn', content: docxBomb(MAX_DOCX_UNPACKED_BYTES + 1024).toString('base64') };
    expect(bomb.content.length).toBeLessThan(MAX_BODY_BYTES / 2);
    const unpacksTooFar = { error: { code: 'too_large', message: `the Word document unpacks to more than ${MAX_DOCX_UNPACKED_BYTES} bytes` } };
    expect(await server.api('POST', '/api/documents', bomb)).toMatchObject({ status: 413, body: unpacksTooFar });
    // Just under the limit is read as usual.
    const fits = await server.api('POST', '/api/documents', { sourceLang: 'en', targetLang: 'bn', format: 'text', target: 'x'.repeat(MAX_BODY_BYTES - 200) });
    expect(fits.status).toBe(201);
  });

  it('SPEC 8.4 /healthz needs no token and /metrics speaks Prometheus', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const metrics = await fetch(`${server.url}/metrics`).then((r) => r.text());
    for (const name of ['tandem_connections', 'tandem_rooms', 'tandem_updates_total', 'tandem_store_group_seconds', 'tandem_broadcast_seconds']) {
      expect(metrics).toContain(name);
    }
  });
});

describe('logs', () => {
  it('SPEC 1.7 no token — the admin’s, a role’s, an expired, revoked or foreign one — appears in any log line', async () => {
    // Besides the table above: tokens in links, a refused socket, a malformed message, a client.
    await fetch(`${server.url}/api/documents/${doc.id}/export?format=nope&token=${doc.tokens.viewer}`);
    await fetch(`${server.url}/?token=${server.adminToken}`);
    const bad = rawSocket(`${server.wsUrl}/${doc.id}?token=${doc.tokens.editor}`);
    await bad.opened;
    bad.ws.send(new Uint8Array([42]));
    await eventually(() => expect(bad.state.close?.code).toBe(4400));
    const refused = rawSocket(`${server.wsUrl}/${doc.id}?token=${tokens.revoked}`);
    await eventually(() => expect(refused.state.close?.code).toBe(4401));
    const client = connectProvider(server.wsUrl, doc.id, { token: doc.tokens.editor });
    await eventually(() => expect(client.provider.synced).toBe(true));
    client.destroy();
    expect(logs).toContain('closing a connection that sent a malformed message');
    expect(logs).toContain('[redacted]');
    for (const caller of CALLERS) {
      const token = tokens[caller];
      if (token && caller !== 'garbage') expect({ caller, found: logs.includes(token) }).toEqual({ caller, found: false });
    }
  });
});
