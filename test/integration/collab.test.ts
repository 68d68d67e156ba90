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

const text = (doc: Y.Doc) => doc.getText('t').toString();

describe('collaboration', () => {
  it('SPEC 3.1 two stock y-websocket clients converge', async () => {
    const { id, tokens } = await server.createDocument();
    const a = connectProvider(server.wsUrl, id, { token: tokens.editor, name: 'A' });
    const b = connectProvider(server.wsUrl, id, { token: tokens.editor, name: 'B' });
    await eventually(() => expect(a.provider.synced && b.provider.synced).toBe(true));
    a.doc.getText('t').insert(0, 'from a ');
    b.doc.getText('t').insert(0, 'from b ');
    await eventually(() => {
      expect(text(a.doc)).toBe(text(b.doc));
      expect(text(a.doc)).toContain('from a');
      expect(text(a.doc)).toContain('from b');
    });
    // The seeded article arrived too: the Lexical root is not empty.
    expect(a.doc.get('root', Y.XmlText).length).toBeGreaterThan(0);
    a.destroy();
    b.destroy();
  });

  it('SPEC 3.1 each client that joins with nothing gets the document as it is then, changes since the last joiner included', async () => {
    const { id, tokens } = await server.createDocument();
    const writer = connectProvider(server.wsUrl, id, { token: tokens.editor });
    await eventually(() => expect(writer.provider.synced).toBe(true));
    const joiners: Array<ReturnType<typeof connectProvider>> = [];
    for (const word of ['one ', 'two ', 'three ']) {
      // Two joiners with nothing in a row (the second may get the first's answer), then a change.
      for (let i = 0; i < 2; i++) {
        const joiner = connectProvider(server.wsUrl, id, { token: tokens.viewer });
        joiners.push(joiner);
        const expected = text(writer.doc);
        await eventually(() => expect(joiner.provider.synced).toBe(true));
        expect(text(joiner.doc)).toBe(expected);
      }
      writer.doc.getText('t').insert(text(writer.doc).length, word);
      await eventually(() => expect(joiners.every((j) => text(j.doc) === text(writer.doc))).toBe(true));
    }
    for (const client of [writer, ...joiners]) client.destroy();
  });

  it('SPEC 2.4 presence carries the role and name the server stamped', async () => {
    const { id, tokens } = await server.createDocument();
    const viewer = connectProvider(server.wsUrl, id, { token: tokens.viewer, name: ' Rina\u0007  Das ' });
    const editor = connectProvider(server.wsUrl, id, { token: tokens.editor, name: 'Ed' });
    viewer.provider.awareness.setLocalState({ name: 'Someone else', role: 'editor', color: '#f00' });
    await eventually(() => {
      const seen = editor.provider.awareness.getStates().get(viewer.doc.clientID);
      expect(seen).toMatchObject({ name: 'Rina Das', role: 'viewer', color: '#f00' });
    });
    viewer.destroy();
    editor.destroy();
  });
});
