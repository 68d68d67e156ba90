import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { heldSocketClass } from '../../client/collab/held-socket.js';
import { eventually } from '../helpers/eventually.js';

// A server that greets every connection with two messages at once, then echoes.
let server: WebSocketServer | undefined;
async function greetingServer(): Promise<string> {
  server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  server.on('connection', (socket) => {
    socket.send('one');
    socket.send('two');
    socket.on('message', (data) => socket.send(String(data)));
  });
  await new Promise((resolve) => server!.once('listening', resolve));
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterEach(() => server?.close());

function open(Socket: typeof WebSocket, url: string) {
  const socket = new Socket(url);
  const received: string[] = [];
  socket.onmessage = (event) => received.push(String(event.data));
  return { socket, received, opened: new Promise((resolve) => (socket.onopen = resolve)) };
}

describe('held socket', () => {
  it('SPEC 10.18 what the socket receives waits for the release, then arrives in order', async () => {
    const url = await greetingServer();
    const held = heldSocketClass(NodeWebSocket as unknown as typeof WebSocket);
    const { socket, received, opened } = open(held.Socket, url);
    await opened;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toEqual([]);
    held.release();
    await eventually(() => expect(received).toEqual(['one', 'two']));
    socket.send('three');
    await eventually(() => expect(received).toEqual(['one', 'two', 'three']));
    socket.close();
  });

  it('SPEC 10.18 a socket that closed before the release delivers nothing; later sockets are not held', async () => {
    const url = await greetingServer();
    const held = heldSocketClass(NodeWebSocket as unknown as typeof WebSocket);
    const first = open(held.Socket, url);
    await first.opened;
    await new Promise((resolve) => setTimeout(resolve, 100));
    first.socket.close();
    await new Promise((resolve) => (first.socket.onclose = resolve));
    held.release();
    const second = open(held.Socket, url);
    await eventually(() => expect(second.received).toEqual(['one', 'two']));
    expect(first.received).toEqual([]);
    second.socket.close();
  });
});
