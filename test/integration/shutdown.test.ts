import { connect, type Socket } from 'node:net';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roomName } from '../../shared/schema.js';
import { HTTP_GRACE_MS } from '../../server/server.js';
import { ADMIN_TOKEN, startTestServer } from '../helpers/server.js';

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms))]);

/** Opens a keep-alive connection and sends a document's creation but the last bytes of its body, which `finish` sends. */
async function requestUnderWay(port: number): Promise<{ socket: Socket; answer: () => string; finish: () => void }> {
  const body = Buffer.from(JSON.stringify({ sourceLang: 'en', targetLang: 'bn', format: 'text', source: 'Headline', target: 'শিরোনাম' }));
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
  socket.write(
    `POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${body.length}\r\nConnection: keep-alive\r\n\r\n`,
  );
  socket.write(body.subarray(0, 10));
  return { socket, answer: () => answer, finish: () => void socket.write(body.subarray(10)) };
}

describe('shutdown', () => {
  it('SPEC 4.7 a peer that never answers the closing handshake does not hold up the shutdown', async () => {
    const server = await startTestServer();
    const { id, tokens } = await server.createDocument();
    // A raw WebSocket client: it upgrades, then reads nothing more and so never answers the close.
    const socket = connect(server.port, '127.0.0.1');
    await once(socket, 'connect');
    const path = `/collab/${roomName(id, 'content')}?token=${encodeURIComponent(tokens.viewer)}`;
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    const [answer] = (await once(socket, 'data')) as [Buffer];
    expect(answer.toString('latin1')).toMatch(/^HTTP\/1\.1 101 /);
    socket.pause();

    await withTimeout(server.dispose(), 10_000, 'the shutdown');
    // The server ended the socket: once read, it holds the close frame and then its end.
    const ended = once(socket, 'close');
    socket.resume();
    await withTimeout(ended, 1000, 'ending the silent socket');
  });

  it('SPEC 4.10 a request under way when the shutdown begins is answered, stored, and its keep-alive connection does not hold up the shutdown', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tandem-shutdown-'));
    try {
      const server = await startTestServer({}, dataDir);
      await server.createDocument(); // the route's modules loaded
      const request = await requestUnderWay(server.port);
      // Its headers have been read: the request is under way, its connection not idle.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const closed = server.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const ended = once(request.socket, 'close');
      request.finish();
      // Kept alive, the connection held the shutdown for Fastify's keep-alive timeout (72 s).
      await withTimeout(closed, HTTP_GRACE_MS + 2000, 'the shutdown');
      await withTimeout(ended, 1000, 'closing the connection');
      const [head, json] = request.answer().split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 201 /);
      // Answered, and closed with the answer: a connection cut off at the grace period's end has no answer.
      expect(head).toMatch(/^connection: close$/im);
      const { id } = JSON.parse(json) as { id: string };

      const again = await startTestServer({}, dataDir);
      expect((await again.api('GET', `/api/documents/${id}`)).status).toBe(200);
      await again.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('SPEC 4.10 a request that is never finished is cut off once the grace period is over', async () => {
    const server = await startTestServer();
    const request = await requestUnderWay(server.port);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    const ended = once(request.socket, 'close');
    await withTimeout(server.dispose(), HTTP_GRACE_MS + 3000, 'the shutdown');
    expect(Date.now() - started).toBeGreaterThanOrEqual(HTTP_GRACE_MS - 50);
    await withTimeout(ended, 1000, 'ending the connection');
    expect(request.answer()).toBe('');
  });
});
