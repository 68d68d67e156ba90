// Behind proxies TRUST_PROXY names: the connection rate counts each client's address, and links follow
// the address people use; with no proxy trusted a forged X-Forwarded-For changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../helpers/server.js';
import { rawSocket } from '../helpers/clients.js';
import { eventually } from '../helpers/eventually.js';

const RATE = 5;
let server: TestServer | null = null;
afterEach(async () => {
  await server?.dispose();
  server = null;
});

/** Opens `count` viewer sockets at once, each saying it comes from `from`; answers how many were let in. */
async function connectionsLetIn(tandem: TestServer, docId: string, token: string, from: string, count: number): Promise<number> {
  const sockets = Array.from({ length: count }, () => rawSocket(`${tandem.wsUrl}/${docId}?token=${token}`, { headers: { 'x-forwarded-for': from } }));
  await eventually(() => expect(sockets.every((s) => s.state.close !== null || s.messages.length > 0)).toBe(true), { timeout: 10_000 });
  const letIn = sockets.filter((s) => s.state.close?.code !== 1013).length;
  for (const s of sockets) s.ws.close();
  return letIn;
}

describe('trusted proxies', () => {
  it('SPEC 8.11 SPEC 3.4 behind TRUST_PROXY proxies the connection rate counts each client address X-Forwarded-For names', async () => {
    server = await startTestServer({ CONNECTION_RATE: String(RATE), TRUST_PROXY: '127.0.0.1' });
    const doc = await server.createDocument();
    const first = await connectionsLetIn(server, doc.id, doc.tokens.viewer, '203.0.113.7', 6 * RATE);
    expect(first).toBeLessThan(6 * RATE);
    // Another client behind the same proxy has a share of its own, however spent the first one's is.
    const second = await connectionsLetIn(server, doc.id, doc.tokens.viewer, '198.51.100.4, 203.0.113.99', 2 * RATE);
    expect(second).toBe(2 * RATE);
  });

  it('SPEC 8.11 SPEC 3.4 with no proxy trusted a forged X-Forwarded-For does not buy a connection flood a share of its own', async () => {
    server = await startTestServer({ CONNECTION_RATE: String(RATE) });
    const doc = await server.createDocument();
    await connectionsLetIn(server, doc.id, doc.tokens.viewer, '203.0.113.7', 6 * RATE);
    // More than the sockets an address may hold before the rate counts and a fresh share's burst.
    const forged = await connectionsLetIn(server, doc.id, doc.tokens.viewer, '198.51.100.4', 4 * RATE);
    expect(forged).toBeLessThan(4 * RATE);
  });

  it('SPEC 8.11 behind TRUST_PROXY proxies the links handed out use the scheme and host the proxy was reached by', async () => {
    for (const trust of ['loopback', '']) {
      server = await startTestServer({ TRUST_PROXY: trust });
      const response = await fetch(`${server.url}/api/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'desk.example.org' },
        body: JSON.stringify({ sourceLang: 'en', targetLang: 'bn', format: 'text', source: 'One.', target: 'এক।' }),
      });
      expect(response.status).toBe(201);
      const { links } = (await response.json()) as { links: Record<string, string> };
      if (trust) expect(links.editor).toMatch(/^https:\/\/desk\.example\.org\/d\//);
      else expect(links.editor.startsWith(server.url)).toBe(true);
      await server.dispose();
      server = null;
    }
  });
});
