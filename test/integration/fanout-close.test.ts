// Revocation and deletion on one instance close the article's live connections on every instance
// (SPEC 17.16): real PostgreSQL, real Redis, the stock y-websocket client.
import { describe, expect, it } from 'vitest';
import { rawSocket } from '../helpers/clients.js';
import { useCluster, type Client } from '../helpers/cluster.js';
import { eventually } from '../helpers/eventually.js';
import type { TestServer } from '../helpers/server.js';

const { shared, instance, client } = useCluster();

/** Two instances on one database and one Redis prefix. */
async function twoInstances(): Promise<[TestServer, TestServer]> {
  const { env } = await shared();
  return [await instance(env), await instance(env)];
}

/** The close code a fresh socket gets. */
async function refusal(wsUrl: string, room: string, token: string): Promise<number> {
  const socket = rawSocket(`${wsUrl}/${room}?token=${token}`);
  await eventually(() => expect(socket.state.close).not.toBeNull());
  return socket.state.close!.code;
}

/** An article with clients of both its rooms on B, and one on A; all synced. */
async function articleOnBoth() {
    const [a, b] = await twoInstances();
    const { id, tokens } = await a.createDocument();
    const content = client(b.wsUrl, id, tokens.editor);
    const review = client(b.wsUrl, `${id}/review`, tokens.viewer);
    const onA = client(a.wsUrl, id, tokens.editor);
    await eventually(() => expect([content, review, onA].every((c) => c.provider.synced)).toBe(true), { timeout: 10_000 });
  return { a, b, id, tokens, content, review, onA };
}

const closeCodes = (c: Client) => c.closes.map((close) => close.code);

describe('revocation and deletion across instances (SPEC 17.16)', () => {
  it('SPEC 17.16 tokens revoked on one instance: live connections on the other close with 4401, and the old tokens are refused there', async () => {
    const { a, b, id, tokens, content, review, onA } = await articleOnBoth();

    expect((await a.api('POST', `/api/documents/${id}/tokens/revoke`)).status).toBe(200);
    await eventually(() => {
      for (const c of [content, review, onA]) expect(closeCodes(c)).toContain(4401);
    }, { timeout: 10_000 });
    // 44xx is final for y-websocket: it does not retry.
    expect(content.provider.shouldConnect).toBe(false);
    expect(await refusal(b.wsUrl, id, tokens.editor)).toBe(4401);
    expect(await refusal(b.wsUrl, `${id}/review`, tokens.viewer)).toBe(4401);
    // A link handed out after the revocation works on the other instance.
    const fresh = await a.api('POST', `/api/documents/${id}/tokens`, { role: 'editor' });
    const again = client(b.wsUrl, id, fresh.body.token);
    await eventually(() => expect(again.provider.synced).toBe(true), { timeout: 10_000 });
  });

  it('SPEC 17.16 an article deleted on one instance: live connections on the other close with 4404, and reconnecting there is refused with 4404', async () => {
    const { a, b, id, tokens, content, review, onA } = await articleOnBoth();
    content.doc.getText('log').insert(0, 'typed before the deletion;');

    expect((await a.api('DELETE', `/api/documents/${id}`)).status).toBe(200);
    await eventually(() => {
      for (const c of [content, review, onA]) expect(closeCodes(c)).toContain(4404);
    }, { timeout: 10_000 });
    expect(content.provider.shouldConnect).toBe(false);
    expect(await refusal(b.wsUrl, id, tokens.editor)).toBe(4404);
    expect((await b.api('GET', `/api/documents/${id}`)).status).toBe(404);
  });
});
