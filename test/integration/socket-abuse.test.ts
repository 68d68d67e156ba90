// Abuse at the socket: a reader that never reads, a flood of connections, a flood of presence.
// Each costs the one who does it its connection (or its presence), never the server's memory or
// the other peers' connections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectProvider, rawSocket } from '../helpers/clients.js';
import { eventually } from '../helpers/eventually.js';
import { PRESENCE_RELAY_MS } from '../../server/collab/presence-relay.js';
import { FREE_OPEN_SOCKETS } from '../../server/collab/connection-gate.js';
import { MessageType, writeAwareness, writeSyncStep1 } from '../../shared/wire.js';
import * as encoding from 'lib0/encoding';

type Doc = { id: string; tokens: Record<'editor' | 'reviewer' | 'viewer', string> };

/** A raw socket in a room, once the server has greeted it. */
async function joined(url: string) {
  const socket = rawSocket(url);
  await socket.opened;
  await eventually(() => expect(socket.messages.length).toBeGreaterThan(0));
  return socket;
}

function presence(clientId: number, clock: number, state: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, JSON.stringify(state));
  return writeAwareness(encoding.toUint8Array(encoder));
}

async function closesOf(server: TestServer, code: number): Promise<number> {
  const text = await fetch(`${server.url}/metrics`).then((r) => r.text());
  return Number(new RegExp(`tandem_connection_closes_total\\{code="${code}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
}

describe('a reader that never reads', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ MAX_BUFFERED_BYTES: String(256 * 1024), MESSAGE_RATE: '1000', MESSAGE_BURST: '2000' });
  });
  afterAll(() => server.dispose());

  it('SPEC 3.8 is closed with 1013 once what it was sent and did not read passes MAX_BUFFERED_BYTES; the room goes on', async () => {
    const { id, tokens }: Doc = await server.createDocument();
    const editor = connectProvider(server.wsUrl, id, { token: tokens.editor });
    await eventually(() => expect(editor.provider.synced).toBe(true));
    editor.doc.getText('bulk').insert(0, 'x'.repeat(200_000));

    const slow = await joined(`${server.wsUrl}/${id}?token=${tokens.viewer}`);
    const before = await closesOf(server, 1013);
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    // Each sync step 1 with an empty state vector asks for the whole document (200 kB): 20 MB in
    // all, far more than the kernel's socket buffers hold, so the rest waits in the server.
    for (let i = 0; i < 100; i++) slow.ws.send(writeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    await eventually(async () => expect(await closesOf(server, 1013)).toBe(before + 1), { timeout: 10_000 });

    editor.doc.getText('after').insert(0, 'still here');
    const check = connectProvider(server.wsUrl, id, { token: tokens.viewer });
    await eventually(() => expect(check.doc.getText('after').toString()).toBe('still here'));
    expect(editor.closes).toEqual([]);

    // Once it reads again it finds the close after what was sent before it: far less than asked for.
    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    await eventually(() => expect(slow.state.close).toEqual({ code: 1013, reason: 'too slow to keep up' }), { timeout: 10_000 });
    const received = slow.messages.reduce((sum, m) => sum + m.length, 0);
    expect(received).toBeLessThan(100 * 200_000);
    for (const c of [editor, check]) c.destroy();
  });
});

describe('floods', () => {
  let server: TestServer;
  let doc: Doc;
  beforeAll(async () => {
    server = await startTestServer({ CONNECTION_RATE: '20', MESSAGE_RATE: '100', MESSAGE_BURST: '200', AWARENESS_RATE: '100' });
    doc = await server.createDocument();
  });
  afterAll(() => server.dispose());

  it('SPEC 3.4 a connection flood from one address is answered with 1013; open connections stay, and the address is not banned', async () => {
    await new Promise((resolve) => setTimeout(resolve, 2000)); // the address's share is whole, should a retry run this again
    const honest = connectProvider(server.wsUrl, doc.id, { token: doc.tokens.editor });
    await eventually(() => expect(honest.provider.synced).toBe(true));
    const started = Date.now();
    const flood = Array.from({ length: 100 }, () => rawSocket(`${server.wsUrl}/${doc.id}?token=${doc.tokens.viewer}`));
    // Every one either refused or let in (greeted with the server's sync step 1).
    await eventually(() => expect(flood.every((s) => s.state.close !== null || s.messages.length > 0)).toBe(true), { timeout: 10_000 });
    const refused = flood.filter((s) => s.state.close?.code === 1013);
    // The sockets an address may hold before the rate counts, a burst of twice the rate, and what
    // refilled while the flood came in.
    expect(flood.length - refused.length).toBeLessThanOrEqual(FREE_OPEN_SOCKETS + 2 * 20 + Math.ceil((20 * (Date.now() - started)) / 1000));
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0].state.close?.reason).toBe('too many connections, retry later');
    expect(refused.every((s) => s.messages.length === 0)).toBe(true);
    for (const s of flood) s.ws.close();

    honest.doc.getText('after').insert(0, 'flood over');
    expect(honest.closes).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const later = connectProvider(server.wsUrl, doc.id, { token: doc.tokens.viewer });
    await eventually(() => expect(later.doc.getText('after').toString()).toBe('flood over'));
    for (const c of [honest, later]) c.destroy();
  });

  it('SPEC 3.4 a client opening articles one after another, a few at a time and faster than the connection rate, is never refused', async () => {
    // One connection a second (a burst of two): 120 sockets in turn would meet the rate within seconds.
    const slow = await startTestServer({ CONNECTION_RATE: '1' });
    const article = await slow.createDocument();
    let opened = 0;
    const refusals: number[] = [];
    const worker = async () => {
      while (opened < 120) {
        opened++;
        const socket = rawSocket(`${slow.wsUrl}/${article.id}?token=${article.tokens.viewer}`);
        await eventually(() => expect(socket.state.close !== null || socket.messages.length > 0).toBe(true));
        if (socket.state.close) refusals.push(socket.state.close.code);
        socket.ws.close();
        await eventually(() => expect(socket.state.close).not.toBeNull());
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    await slow.dispose();
    expect(opened).toBe(120);
    expect(refusals).toEqual([]);
  });

  it("SPEC 3.4 a presence flood reaches peers gathered, so no stock client answering it is pushed past the message rate; past its own message rate the flooder is closed with 1013", async () => {
    await new Promise((resolve) => setTimeout(resolve, 2000)); // the connection rate's share refills
    const honest = connectProvider(server.wsUrl, doc.id, { token: doc.tokens.editor, name: 'Honest' });
    await eventually(() => expect(honest.provider.synced).toBe(true));
    honest.provider.awareness.setLocalState({ cursor: null });
    // Count the presence messages the honest client receives.
    let presenceMessages = 0;
    honest.provider.ws!.addEventListener('message', (event: MessageEvent) => {
      if (new Uint8Array(event.data as ArrayBuffer)[0] === MessageType.awareness) presenceMessages++;
    });

    // Five flooders, each within its own message rate (a burst of 200), send 150 presence changes
    // at once: 750 changes, each of which a stock client would answer with a message of its own.
    const flooders = await Promise.all(Array.from({ length: 5 }, () => joined(`${server.wsUrl}/${doc.id}?token=${doc.tokens.viewer}`)));
    const base = 1000 + Math.floor(Math.random() * 2 ** 30); // fresh ids, should a retry run this again
    const started = Date.now();
    flooders.forEach((flooder, f) => {
      for (let clock = 1; clock <= 150; clock++) flooder.ws.send(presence(base + f, clock, { cursor: clock }));
    });
    await eventually(() => expect(honest.provider.awareness.getStates().get(base + 4)).toEqual({ cursor: 150, name: 'Anonymous', role: 'viewer' }));
    const elapsed = Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(honest.closes).toEqual([]);
    expect(flooders.map((f) => f.state.close)).toEqual(flooders.map(() => null));
    // Gathered: one presence message per relay interval at most (and the honest client's own).
    expect(presenceMessages).toBeLessThanOrEqual(Math.ceil((elapsed + 300) / PRESENCE_RELAY_MS) + 5);

    // Past the message rate, presence closes the connection like any other message.
    const flooder = flooders[0];
    for (let clock = 151; clock < 600 && flooder.ws.readyState === flooder.ws.OPEN; clock++) flooder.ws.send(presence(base, clock, {}));
    await eventually(() => expect(flooder.state.close?.code).toBe(1013));
    expect(honest.closes).toEqual([]);
    for (const f of flooders) f.ws.close();
    honest.destroy();
  });
});

