import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectProvider, rawSocket } from '../helpers/clients.js';
import { eventually } from '../helpers/eventually.js';
import { readStoredAck, writeAwareness, writeHeartbeat, writeUpdate } from '../../shared/wire.js';

let server: TestServer;
let doc: { id: string; tokens: Record<'editor' | 'reviewer' | 'viewer', string> };
beforeAll(async () => {
  server = await startTestServer({ MAX_MESSAGE_BYTES: '65536', MAX_DOCUMENT_BYTES: '200000', MESSAGE_RATE: '200', MESSAGE_BURST: '400' });
  doc = await server.createDocument();
});
afterAll(() => server.dispose());

async function openEditor(query = '') {
  const socket = rawSocket(`${server.wsUrl}/${doc.id}?token=${doc.tokens.editor}${query}`);
  await socket.opened;
  await eventually(() => expect(socket.messages.length).toBeGreaterThan(0));
  return socket;
}

function updateOfSize(bytes: number): Uint8Array {
  const scratch = new Y.Doc();
  scratch.getText('big').insert(0, 'x'.repeat(bytes));
  return Y.encodeStateAsUpdate(scratch);
}

/** An update whose structs follow others the server never received: Yjs would keep it pending. */
function updateAfterAGap(): Uint8Array {
  const scratch = new Y.Doc();
  scratch.getText('gap').insert(0, 'never sent');
  const before = Y.encodeStateVector(scratch);
  scratch.getText('gap').insert(10, ', sent');
  return Y.encodeStateAsUpdate(scratch, before);
}

/** An update deleting text the server never received. */
function deletionOfTheUnknown(): Uint8Array {
  const author = new Y.Doc();
  author.getText('gone').insert(0, 'never sent');
  const deleter = new Y.Doc();
  Y.applyUpdate(deleter, Y.encodeStateAsUpdate(author));
  deleter.getText('gone').delete(0, 5);
  return Y.encodeStateAsUpdate(deleter, Y.encodeStateVector(author));
}

describe('protocol limits', () => {
  const garbage: Record<string, Uint8Array> = {
    'an update that refers to content the server does not have': writeUpdate(updateAfterAGap()),
    'a deletion of content the server does not have': writeUpdate(deletionOfTheUnknown()),
    'an unknown message type': new Uint8Array([42, 1, 2]),
    'a truncated message': new Uint8Array([0]),
    'an unknown sync type': new Uint8Array([0, 9, 0]),
    'an update that does not decode': new Uint8Array([0, 2, 5, 200, 200, 200, 200, 200]),
    'a broken awareness update': new Uint8Array([1, 3, 1, 5, 0]),
  };
  for (const [what, bytes] of Object.entries(garbage)) {
    it(`SPEC 3.3 SPEC 3.9 ${what} closes only that connection with 4400`, async () => {
      const watcher = connectProvider(server.wsUrl, doc.id, { token: doc.tokens.editor });
      await eventually(() => expect(watcher.provider.synced).toBe(true));
      const bad = await openEditor();
      bad.ws.send(bytes);
      await eventually(() => expect(bad.state.close?.code).toBe(4400));
      watcher.doc.getText('after').insert(0, what);
      const check = connectProvider(server.wsUrl, doc.id, { token: doc.tokens.viewer });
      await eventually(() => expect(check.doc.getText('after').toString()).toContain(what));
      // Nothing of it was kept for later either: a fresh client is sent nothing it cannot apply.
      expect(check.doc.store.pendingStructs ?? check.doc.store.pendingDs).toBeNull();
      expect(watcher.closes).toHaveLength(0);
      watcher.destroy();
      check.destroy();
    });
  }

  it('SPEC 3.9 of an update that applies in part, peers are sent that part alone, nothing they cannot apply', async () => {
    const watcher = connectProvider(server.wsUrl, doc.id, { token: doc.tokens.editor });
    await eventually(() => expect(watcher.provider.synced).toBe(true));
    // Text of its own, then an insertion after text of a client the server never heard of.
    const unknown = new Y.Doc();
    unknown.getText('partly').insert(0, 'unseen');
    const sender = new Y.Doc();
    Y.applyUpdate(sender, Y.encodeStateAsUpdate(unknown));
    sender.getText('partly-own').insert(0, 'applies');
    sender.getText('partly').insert(6, ' and this does not');
    const bad = await openEditor();
    bad.ws.send(writeUpdate(Y.encodeStateAsUpdate(sender, Y.encodeStateVector(unknown))));
    await eventually(() => expect(bad.state.close?.code).toBe(4400));
    await eventually(() => expect(watcher.doc.getText('partly-own').toString()).toBe('applies'));
    expect(watcher.doc.store.pendingStructs ?? watcher.doc.store.pendingDs).toBeNull();
    expect(watcher.doc.getText('partly').toString()).toBe('');
    expect(watcher.closes).toHaveLength(0);
    watcher.destroy();
  });

  it('SPEC 3.3 a text frame closes the connection with 4400', async () => {
    const bad = await openEditor();
    bad.ws.send('hello');
    await eventually(() => expect(bad.state.close?.code).toBe(4400));
  });

  it('SPEC 3.2 an oversized message → 4413', async () => {
    const bad = await openEditor();
    bad.ws.send(writeUpdate(updateOfSize(70_000)));
    await eventually(() => expect(bad.state.close?.code).toBe(4413));
  });

  it('SPEC 3.2 an update that would grow the document past its limit → 4413, not applied', async () => {
    const big = await server.createDocument();
    const writers: Array<ReturnType<typeof rawSocket>> = [];
    for (let i = 0; i < 4; i++) {
      const socket = rawSocket(`${server.wsUrl}/${big.id}?token=${big.tokens.editor}`);
      await socket.opened;
      socket.ws.send(writeUpdate(updateOfSize(60_000)));
      writers.push(socket);
    }
    await eventually(() => expect(writers.map((w) => w.state.close?.code)).toContain(4413));
    const check = connectProvider(server.wsUrl, big.id, { token: big.tokens.viewer });
    await eventually(() => expect(check.provider.synced).toBe(true));
    const accepted = writers.filter((w) => w.state.close?.code !== 4413).length;
    expect(check.doc.getText('big').length).toBeLessThanOrEqual(accepted * 60_000);
    check.destroy();
  });

  it('SPEC 3.4 a message flood closes the connection with 1013 and the server goes on', async () => {
    const flood = await openEditor();
    const empty = writeUpdate(Y.encodeStateAsUpdate(new Y.Doc()));
    for (let i = 0; i < 1000 && flood.ws.readyState === flood.ws.OPEN; i++) flood.ws.send(empty);
    await eventually(() => expect(flood.state.close?.code).toBe(1013));
    const again = await openEditor();
    expect(again.state.close).toBeNull();
    again.ws.close();
  });

  it('SPEC 3.4 oversized presence → 4413', async () => {
    const bad = await openEditor();
    const scratch = new Y.Doc();
    const { Awareness, encodeAwarenessUpdate } = await import('y-protocols/awareness');
    const awareness = new Awareness(scratch);
    awareness.setLocalState({ blob: 'x'.repeat(20_000) });
    bad.ws.send(writeAwareness(encodeAwarenessUpdate(awareness, [scratch.clientID])));
    await eventually(() => expect(bad.state.close?.code).toBe(4413));
  });

  it('SPEC 3.5 with ack=1 the server acknowledges stored updates; without it, never', async () => {
    const acked = await openEditor('&ack=1');
    const plain = await openEditor();
    const scratch = new Y.Doc();
    scratch.getText('ack').insert(0, 'one');
    acked.ws.send(writeUpdate(Y.encodeStateAsUpdate(scratch)));
    acked.ws.send(writeUpdate(Y.encodeStateAsUpdate(new Y.Doc())));
    await eventually(() => expect(acked.messages.map(readStoredAck).filter((n) => n !== null).at(-1)).toBe(2));
    plain.ws.send(writeUpdate(Y.encodeStateAsUpdate(scratch)));
    await eventually(() => expect(plain.messages.length).toBeGreaterThan(1));
    expect(plain.messages.map(readStoredAck).filter((n) => n !== null)).toHaveLength(0);
  });
});

describe('message budgets', () => {
  let limited: TestServer;
  let article: { id: string; tokens: Record<'editor' | 'reviewer' | 'viewer', string> };
  beforeAll(async () => {
    limited = await startTestServer({ MESSAGE_RATE: '50', MESSAGE_BURST: '600', TOKEN_MESSAGE_RATE: '50', TOKEN_MESSAGE_BURST: '1500' });
  });
  afterAll(() => limited.dispose());
  // Each test has an article (and tokens, whose budgets are their own) of its own.
  beforeEach(async () => {
    article = await limited.createDocument();
  });

  async function open(role: 'editor' | 'viewer', query = '') {
    const socket = rawSocket(`${limited.wsUrl}/${article.id}?token=${article.tokens[role]}${query}`);
    await socket.opened;
    await eventually(() => expect(socket.messages.length).toBeGreaterThan(0));
    return socket;
  }

  /** `count` updates of one scratch client, each one keystroke, as a bulk-editing client sends them. */
  function keystrokes(count: number): Uint8Array[] {
    const scratch = new Y.Doc();
    const updates: Uint8Array[] = [];
    scratch.on('update', (update: Uint8Array) => updates.push(writeUpdate(update)));
    for (let i = 0; i < count; i++) scratch.getText('bulk').insert(i, 'k');
    return updates;
  }

  it('SPEC 3.4 a bulk writer may send MESSAGE_BURST updates at once, all stored; a flood past it is closed with 1013', async () => {
    const bot = await open('editor', '&ack=1');
    for (const update of keystrokes(500)) bot.ws.send(update);
    await eventually(() => expect(bot.messages.map(readStoredAck).filter((n) => n !== null).at(-1)).toBe(500));
    expect(bot.state.close).toBeNull();
    for (let i = 0; i < 1000 && bot.ws.readyState === bot.ws.OPEN; i++) bot.ws.send(writeHeartbeat());
    await eventually(() => expect(bot.state.close).toEqual({ code: 1013, reason: 'too many messages' }));
  });

  it("SPEC 3.4 the connections of one token share TOKEN_MESSAGE_BURST: the one whose message passes it is closed with 1013, the token's others and other tokens go on", async () => {
    const [first, second, third] = [await open('editor'), await open('editor'), await open('editor')];
    const other = await open('viewer');
    for (const socket of [first, second]) for (let i = 0; i < 550; i++) socket.ws.send(writeHeartbeat());
    await eventually(() => expect(second.messages.length).toBeGreaterThan(550));
    for (let i = 0; i < 550 && third.ws.readyState === third.ws.OPEN; i++) third.ws.send(writeHeartbeat());
    await eventually(() => expect(third.state.close).toEqual({ code: 1013, reason: 'too many messages on this link' }));
    for (let i = 0; i < 550; i++) other.ws.send(writeHeartbeat());
    await eventually(() => expect(other.messages.length).toBeGreaterThan(550));
    for (const socket of [first, second, other]) expect(socket.state.close).toBeNull();
    for (const socket of [first, second, other]) socket.ws.close();
  });
});
