import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, decodeJwt } from 'jose';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectProvider, rawSocket } from '../helpers/clients.js';
import { eventually } from '../helpers/eventually.js';

let server: TestServer;
let doc: { id: string; tokens: Record<'editor' | 'reviewer' | 'viewer', string> };
beforeAll(async () => {
  server = await startTestServer();
  doc = await server.createDocument();
});
afterAll(() => server.dispose());

/** Opens a raw socket and waits for the server to close it; returns the close and what was sent first. */
async function refused(path: string) {
  const socket = rawSocket(`${server.wsUrl}/${path}`);
  await eventually(() => expect(socket.state.close).not.toBeNull());
  return { close: socket.state.close!, messages: socket.messages };
}

describe('authentication at the socket', () => {
  it('SPEC 1.4 no token → 4401 before any document byte', async () => {
    const { close, messages } = await refused(doc.id);
    expect(close.code).toBe(4401);
    expect(messages).toHaveLength(0);
  });

  it('SPEC 1.4 a malformed or wrongly signed token → 4401', async () => {
    expect((await refused(`${doc.id}?token=not-a-jwt`)).close.code).toBe(4401);
    const forged = await new SignJWT({ doc: doc.id, role: 'editor', gen: 1 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('some-other-secret-0123456789'));
    const { close, messages } = await refused(`${doc.id}?token=${forged}`);
    expect(close.code).toBe(4401);
    expect(messages).toHaveLength(0);
  });

  it('SPEC 1.4 an expired token → 4401', async () => {
    const { body } = await server.api('POST', `/api/documents/${doc.id}/tokens`, { role: 'editor', expiresIn: 1 });
    const { exp } = decodeJwt(body.token);
    await eventually(() => expect(Date.now()).toBeGreaterThan(exp! * 1000), { timeout: 3000 });
    expect((await refused(`${doc.id}?token=${body.token}`)).close.code).toBe(4401);
  });

  it("SPEC 1.4 another document's token → 4401", async () => {
    const other = await server.createDocument();
    expect((await refused(`${doc.id}?token=${other.tokens.editor}`)).close.code).toBe(4401);
    expect((await refused(`${doc.id}/review?token=${other.tokens.viewer}`)).close.code).toBe(4401);
  });

  it('SPEC 1.4 the admin token does not open a room', async () => {
    expect((await refused(`${doc.id}?token=${server.adminToken}`)).close.code).toBe(4401);
  });

  it('SPEC 1.5 an unknown or deleted document → 4404', async () => {
    expect((await refused(`nosuchdoc123?token=${doc.tokens.editor}`)).close.code).toBe(4401);
    const gone = await server.createDocument();
    expect((await server.api('DELETE', `/api/documents/${gone.id}`)).status).toBe(200);
    const { close, messages } = await refused(`${gone.id}?token=${gone.tokens.editor}`);
    expect(close.code).toBe(4404);
    expect(messages).toHaveLength(0);
    expect((await refused(`${doc.id}/nonsense?token=${doc.tokens.editor}`)).close.code).toBe(4404);
  });

  it('SPEC 1.6 revoking closes live connections with 4401 and refuses the old tokens', async () => {
    const target = await server.createDocument();
    const live = connectProvider(server.wsUrl, target.id, { token: target.tokens.editor });
    await eventually(() => expect(live.provider.synced).toBe(true));
    expect((await server.api('POST', `/api/documents/${target.id}/tokens/revoke`)).status).toBe(200);
    await eventually(() => expect(live.closes.map((c) => c.code)).toContain(4401));
    // y-websocket treats 44xx as final and stops retrying.
    expect(live.provider.shouldConnect).toBe(false);
    expect((await refused(`${target.id}?token=${target.tokens.viewer}`)).close.code).toBe(4401);
    expect((await server.api('GET', `/api/documents/${target.id}`, undefined, target.tokens.viewer)).status).toBe(401);
    const fresh = await server.api('POST', `/api/documents/${target.id}/tokens`, { role: 'viewer' });
    expect((await server.api('GET', `/api/documents/${target.id}`, undefined, fresh.body.token)).status).toBe(200);
    live.destroy();
  });
});
