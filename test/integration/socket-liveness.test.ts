import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectProvider, rawSocket } from '../helpers/clients.js';
import { eventually } from '../helpers/eventually.js';
import { MessageType } from '../../shared/wire.js';

const PING_INTERVAL_MS = 200;
const HEARTBEAT = Uint8Array.of(MessageType.heartbeat);

let server: TestServer;
let doc: { id: string; tokens: Record<'editor' | 'reviewer' | 'viewer', string> };
beforeAll(async () => {
  server = await startTestServer({ PING_INTERVAL_MS: String(PING_INTERVAL_MS), ROOM_IDLE_MS: '50', MESSAGE_RATE: '200', MESSAGE_BURST: '400' });
  doc = await server.createDocument();
});
afterAll(() => server.dispose());

async function metric(line: string): Promise<number> {
  const text = (await server.api('GET', '/metrics')).body as string;
  const found = text.split('\n').find((l) => l.startsWith(line + ' '));
  return Number(found?.split(' ').at(-1) ?? 0);
}

const editorUrl = (of = doc) => `${server.wsUrl}/${of.id}?token=${of.tokens.editor}`;

/** Counts the server's pings on a `ws` socket. */
function countPings(ws: WebSocket): { count: number } {
  const pings = { count: 0 };
  ws.on('ping', () => pings.count++);
  return pings;
}

/**
 * Opens a socket by hand, with the upgrade request and a heartbeat frame in one write: the heartbeat
 * arrives before the server can have authenticated the token or loaded the room. Resolves with the
 * payloads of the first `count` frames the server sends.
 */
function heartbeatWithUpgrade(url: string, count: number): Promise<Uint8Array[]> {
  const { hostname, port, pathname, search, host } = new URL(url);
  const mask = randomBytes(4);
  const frame = Buffer.from([0x82, 0x80 | 1, ...mask, MessageType.heartbeat ^ mask[0]]);
  const request = [
    `GET ${pathname}${search} HTTP/1.1`,
    `Host: ${host}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    '',
    '',
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(Buffer.concat([Buffer.from(request), frame])));
    let received = Buffer.alloc(0);
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      const headersEnd = received.indexOf('\r\n\r\n');
      if (headersEnd < 0) return;
      const payloads: Uint8Array[] = [];
      for (let at = headersEnd + 4; at + 2 <= received.length && payloads.length < count; ) {
        const short = received[at + 1] & 0x7f;
        const [length, start] = short === 126 ? [received.readUInt16BE(at + 2), at + 4] : [short, at + 2];
        if (start + length > received.length) break;
        payloads.push(new Uint8Array(received.subarray(start, start + length)));
        at = start + length;
      }
      if (payloads.length < count) return;
      socket.destroy();
      resolve(payloads);
    });
  });
}

describe('socket liveness', () => {
  it('SPEC 3.6 a socket that does not answer pings is ended within two intervals, and its room unloads', async () => {
    const endedBefore = await metric('tandem_connection_closes_total{code="1006"}');
    const ws = new WebSocket(editorUrl(), { autoPong: false });
    const pings = countPings(ws);
    const seen = { openedAt: 0, joined: false, close: null as null | { code: number; after: number } };
    ws.on('open', () => (seen.openedAt = Date.now()));
    ws.on('message', () => (seen.joined = true));
    ws.on('close', (code) => (seen.close = { code, after: Date.now() - seen.openedAt }));
    await eventually(() => expect(seen.joined).toBe(true));
    expect(await metric('tandem_connections')).toBe(1);
    const close = await eventually(() => seen.close ?? expect.fail('still open'), { timeout: 5 * PING_INTERVAL_MS });
    expect(close.code).toBe(1006); // ended, without a closing handshake
    expect(pings.count).toBeGreaterThan(0);
    expect(close.after).toBeLessThanOrEqual(2 * PING_INTERVAL_MS + 200);
    expect(await metric('tandem_connection_closes_total{code="1006"}')).toBe(endedBefore + 1);
    // Nobody else holds a room: once this connection has left, every room unloads.
    await eventually(async () => expect(await metric('tandem_connections')).toBe(0));
    await eventually(async () => expect(await metric('tandem_rooms')).toBe(0));
  });

  it('SPEC 3.6 a socket that answers pings stays, and a stock y-websocket client is unaffected', async () => {
    const errors = vi.spyOn(console, 'error');
    const raw = rawSocket(editorUrl());
    await raw.opened;
    const rawPings = countPings(raw.ws);
    const stock = connectProvider(server.wsUrl, doc.id, { token: doc.tokens.editor });
    await eventually(() => expect(stock.provider.synced).toBe(true));
    const stockPings = countPings(stock.provider.ws as unknown as WebSocket);
    await eventually(() => expect(Math.min(rawPings.count, stockPings.count)).toBeGreaterThanOrEqual(5), { timeout: 20 * PING_INTERVAL_MS });
    expect(raw.state.close).toBeNull();
    expect(stock.closes).toEqual([]);
    // Neither asked for a heartbeat, so neither received one (a stock client would log an error).
    expect(raw.messages.some((m) => m[0] === MessageType.heartbeat)).toBe(false);
    expect(errors).not.toHaveBeenCalled();
    stock.doc.getText('t').insert(0, 'still here');
    const check = connectProvider(server.wsUrl, doc.id, { token: doc.tokens.viewer });
    await eventually(() => expect(check.doc.getText('t').toString()).toBe('still here'));
    errors.mockRestore();
    raw.ws.close();
    stock.destroy();
    check.destroy();
  });

  it('SPEC 3.6 a heartbeat is answered at once with the same message', async () => {
    const raw = rawSocket(editorUrl());
    await raw.opened;
    await eventually(() => expect(raw.messages.length).toBeGreaterThan(0));
    raw.ws.send(HEARTBEAT);
    await eventually(() => expect(raw.messages.filter((m) => m[0] === MessageType.heartbeat)).toEqual([HEARTBEAT]));
    expect(raw.state.close).toBeNull();
    raw.ws.close();
  });

  it('SPEC 3.6 a heartbeat sent with the upgrade is answered before the room has loaded', async () => {
    const fresh = await server.createDocument();
    const [first, second] = await heartbeatWithUpgrade(editorUrl(fresh), 2);
    expect(first).toEqual(HEARTBEAT);
    expect(second[0]).toBe(MessageType.sync); // the room's first message comes after
  });

  it('SPEC 3.4 heartbeats count against the message rate like any message', async () => {
    const raw = rawSocket(editorUrl());
    await raw.opened;
    for (let i = 0; i < 1000 && raw.ws.readyState === raw.ws.OPEN; i++) raw.ws.send(HEARTBEAT);
    await eventually(() => expect(raw.state.close?.code).toBe(1013));
  });
});
