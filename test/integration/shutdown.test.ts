import { connect } from 'node:net';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { roomName } from '../../shared/schema.js';
import { startTestServer } from '../helpers/server.js';

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms))]);

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
});
