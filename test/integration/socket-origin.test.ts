// Which browser pages may open a collab socket (SPEC 3.7): the server's own, those ALLOWED_ORIGINS
// names, and clients that send no Origin at all (they are no browser pages).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { rawSocket } from '../helpers/clients.js';
import { eventually } from '../helpers/eventually.js';

type Doc = { id: string; tokens: Record<'editor' | 'reviewer' | 'viewer', string> };

/** Opens a socket as a page of `origin` would (none: as a non-browser client); what became of it. */
async function connectFrom(server: TestServer, doc: Doc, origin?: string) {
  const socket = rawSocket(`${server.wsUrl}/${doc.id}?token=${doc.tokens.editor}`, origin === undefined ? {} : { origin });
  await eventually(() => expect(socket.state.close !== null || socket.messages.length > 0).toBe(true));
  socket.ws.close();
  return { close: socket.state.close, messages: socket.messages.length };
}

describe('Origin at the upgrade', () => {
  let server: TestServer;
  let doc: Doc;
  beforeAll(async () => {
    server = await startTestServer();
    doc = await server.createDocument();
  });
  afterAll(() => server.dispose());

  it('SPEC 3.7 the server’s own pages and clients without an Origin connect', async () => {
    expect((await connectFrom(server, doc)).close).toBeNull();
    expect((await connectFrom(server, doc, server.url)).close).toBeNull();
    // A page served under another name is another origin, whichever address its socket reaches.
    expect((await connectFrom(server, doc, server.url.replace('127.0.0.1', 'localhost'))).close).toEqual({ code: 4406, reason: 'origin not allowed' });
  });

  it('SPEC 3.7 a page of another origin is closed with 4406 right after the upgrade, before any document byte', async () => {
    for (const origin of ['http://evil.example', 'null', `${server.url.replace('http:', 'https:')}0`]) {
      const { close, messages } = await connectFrom(server, doc, origin);
      expect({ origin, close }).toEqual({ origin, close: { code: 4406, reason: 'origin not allowed' } });
      expect(messages).toBe(0);
    }
  });
});

describe('ALLOWED_ORIGINS', () => {
  it('SPEC 3.7 adds origins to the server’s own (and PUBLIC_URL’s); * lets any page connect', async () => {
    const server = await startTestServer({ ALLOWED_ORIGINS: 'https://desk.example.org, https://other.example:8443', PUBLIC_URL: 'https://tandem.example.org/' });
    try {
      const doc = await server.createDocument();
      for (const origin of ['https://desk.example.org', 'https://other.example:8443', 'https://tandem.example.org', server.url]) {
        expect({ origin, close: (await connectFrom(server, doc, origin)).close }).toEqual({ origin, close: null });
      }
      for (const origin of ['http://desk.example.org', 'https://desk.example.org.evil.example', 'https://other.example']) {
        expect({ origin, close: (await connectFrom(server, doc, origin)).close?.code }).toEqual({ origin, close: 4406 });
      }
    } finally {
      await server.dispose();
    }
    const open = await startTestServer({ ALLOWED_ORIGINS: '*' });
    try {
      expect((await connectFrom(open, await open.createDocument(), 'http://anywhere.example')).close).toBeNull();
    } finally {
      await open.dispose();
    }
  });
});
