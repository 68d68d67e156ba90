import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connectProvider } from '../helpers/clients.js';
import { eventually } from '../helpers/eventually.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

describe('roles at the socket', () => {
  for (const role of ['viewer', 'reviewer'] as const) {
    it(`SPEC 2.3 a ${role}'s write → 4403, never applied, other peers see nothing`, async () => {
      const { id, tokens } = await server.createDocument();
      const editor = connectProvider(server.wsUrl, id, { token: tokens.editor });
      const reader = connectProvider(server.wsUrl, id, { token: tokens[role] });
      // SPEC 2.2: the empty update every client sends while syncing is fine.
      await eventually(() => expect(editor.provider.synced && reader.provider.synced).toBe(true));
      let editorReceived = 0;
      editor.doc.on('update', (_update: Uint8Array, origin: unknown) => {
        if (origin === editor.provider) editorReceived++;
      });

      reader.doc.getText('t').insert(0, 'sneaky');
      await eventually(() => expect(reader.closes.map((c) => c.code)).toContain(4403));
      expect(reader.closes[0].reason).toMatch(new RegExp(role));
      expect(reader.provider.shouldConnect).toBe(false);

      // A later editor write arrives, so the refused one would have arrived before it.
      editor.doc.getText('marker').insert(0, 'x');
      const late = connectProvider(server.wsUrl, id, { token: tokens.viewer });
      await eventually(() => expect(late.doc.getText('marker').toString()).toBe('x'));
      expect(late.doc.getText('t').toString()).toBe('');
      expect(editor.doc.getText('t').toString()).toBe('');
      expect(editorReceived).toBe(0);
      for (const c of [editor, reader, late]) c.destroy();
    });
  }

  it('SPEC 2.1 only the server writes the review room: an editor write there → 4403', async () => {
    const { id, tokens } = await server.createDocument();
    const editor = connectProvider(server.wsUrl, `${id}/review`, { token: tokens.editor });
    await eventually(() => expect(editor.provider.synced).toBe(true));
    expect(editor.doc.getMap('source').size).toBe(3);
    editor.doc.getMap('status').set('x', { state: 'approved' });
    await eventually(() => expect(editor.closes.map((c) => c.code)).toContain(4403));
    const check = connectProvider(server.wsUrl, `${id}/review`, { token: tokens.viewer });
    await eventually(() => expect(check.provider.synced).toBe(true));
    expect(check.doc.getMap('status').has('x')).toBe(false);
    editor.destroy();
    check.destroy();
  });

  it('SPEC 2.2 a reader that reconnects with the content it already has is not writing', async () => {
    const { id, tokens } = await server.createDocument();
    const viewer = connectProvider(server.wsUrl, id, { token: tokens.viewer });
    await eventually(() => expect(viewer.provider.synced).toBe(true));
    viewer.provider.disconnect();
    viewer.provider.connect();
    await eventually(() => expect(viewer.provider.synced).toBe(true));
    expect(viewer.closes.map((c) => c.code)).not.toContain(4403);
    viewer.destroy();
  });

  it('SPEC 2.5 a client cannot set or clear presence for another client id', async () => {
    const { id, tokens } = await server.createDocument();
    const a = connectProvider(server.wsUrl, id, { token: tokens.editor, name: 'A' });
    const b = connectProvider(server.wsUrl, id, { token: tokens.editor, name: 'B' });
    a.provider.awareness.setLocalState({ color: 'red' });
    await eventually(() => expect(b.provider.awareness.getStates().get(a.doc.clientID)).toMatchObject({ name: 'A' }));
    // b pretends to be a: a forged awareness entry with a's client id and a higher clock.
    const { encodeAwarenessUpdate, Awareness } = await import('y-protocols/awareness');
    const forger = new Awareness(new Y.Doc());
    (forger as any).clientID = a.doc.clientID;
    for (let i = 0; i < 5; i++) forger.setLocalState({ color: 'black', i });
    const forged = encodeAwarenessUpdate(forger, [a.doc.clientID]);
    const { writeAwareness } = await import('../../shared/wire.js');
    (b.provider.ws as any).send(writeAwareness(forged));
    b.provider.awareness.setLocalState({ color: 'blue' });
    const c = connectProvider(server.wsUrl, id, { token: tokens.viewer });
    await eventually(() => expect(c.provider.awareness.getStates().get(b.doc.clientID)).toMatchObject({ color: 'blue' }));
    expect(c.provider.awareness.getStates().get(a.doc.clientID)).toMatchObject({ name: 'A', color: 'red' });
    for (const x of [a, b, c]) x.destroy();
  });
});
