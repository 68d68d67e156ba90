// The HTTP API across instances (SPEC 17.18, 17.19): two instances on one PostgreSQL database and
// one Redis, the second reaching Redis through a proxy that can hold back what Redis sends it.
// Real servers, stock y-websocket clients.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $readSegments } from '../../shared/article.js';
import { openArticle } from '../../shared/headless.js';
import { synced, useCluster, type Client } from '../helpers/cluster.js';
import { eventually } from '../helpers/eventually.js';
import { REDIS_URL } from '../helpers/redis.js';

const { shared, instance, proxy, client } = useCluster();

/** Instances A and B on one database and one Redis prefix; B's Redis link can be held back. */
async function twoInstances() {
  const { env } = await shared();
  const redis = new URL(REDIS_URL);
  const link = await proxy(redis.hostname, Number(redis.port || 6379));
  const a = await instance(env);
  const b = await instance({ ...env, REDIS_URL: link.via(REDIS_URL) });
  return { a, b, link };
}

/** The segments' texts as a client's copy of the content room holds them. */
function texts(c: Client): string[] {
  const article = openArticle(Y.encodeStateAsUpdate(c.doc));
  try {
    return article.read($readSegments).map((segment) => segment.text);
  } finally {
    article.dispose();
  }
}

describe('the HTTP API across instances', () => {
  it('SPEC 17.18 a write answered by one instance is read at once on another holding the article\'s rooms, though Redis has not brought it there yet', { timeout: 60_000 }, async () => {
    const { a, b, link } = await twoInstances();
    const { id, tokens } = await a.createDocument();
    // B holds both rooms, subscribed to their channels.
    await synced(client(b.wsUrl, id, tokens.editor), client(b.wsUrl, `${id}/review`, tokens.viewer));
    const segments = (await a.api('GET', `/api/documents/${id}`, undefined, tokens.viewer)).body.segments;
    link.hold();

    expect((await a.api('PUT', `/api/documents/${id}/segments/${segments[1].id}/status`, { status: 'reviewed' }, tokens.reviewer)).status).toBe(200);
    let onB = (await b.api('GET', `/api/documents/${id}`, undefined, tokens.viewer)).body;
    expect(onB.segments[1].status).toBe('reviewed');

    const entries = [{ source: 'paragraph', target: 'অনুচ্ছেদ' }];
    expect((await a.api('PUT', `/api/documents/${id}/glossary`, { entries }, tokens.editor)).status).toBe(200);
    expect((await b.api('GET', `/api/documents/${id}/glossary`, undefined, tokens.viewer)).body.entries).toMatchObject(entries);

    const thread = await a.api('POST', `/api/documents/${id}/comments`, { segmentId: segments[2].id, text: 'Check the figure' }, tokens.reviewer);
    expect(thread.status).toBe(201);
    const threads = (await b.api('GET', `/api/documents/${id}/comments`, undefined, tokens.viewer)).body.threads;
    expect(threads.map((t: { id: string }) => t.id)).toContain(thread.body.id);

    expect((await a.api('PATCH', `/api/documents/${id}`, { propagateRepetitions: false }, tokens.editor)).status).toBe(200);
    expect((await b.api('GET', `/api/documents/${id}`, undefined, tokens.viewer)).body.propagateRepetitions).toBe(false);

    // A write on B acts on what A acknowledged: B accepts the suggestion A stored a moment ago.
    const suggestion = await a.api('POST', `/api/documents/${id}/suggestions`, { segmentId: segments[1].id, find: 'প্রথম', text: 'প্রধান' }, tokens.reviewer);
    expect(suggestion.status).toBe(201);
    expect((await b.api('POST', `/api/documents/${id}/suggestions/${suggestion.body.id}/accept`, undefined, tokens.editor)).status).toBe(200);
    onB = (await b.api('GET', `/api/documents/${id}`, undefined, tokens.viewer)).body;
    expect(onB.segments[1].target).toBe('প্রধান অনুচ্ছেদ।');
    // And A reads B's write at once.
    expect((await a.api('GET', `/api/documents/${id}`, undefined, tokens.viewer)).body.segments[1].target).toBe('প্রধান অনুচ্ছেদ।');

    // An article imported on A is read whole on B, which loads it from the database (subscribing to
    // its channels first, so with Redis answering again).
    link.release();
    const imported = await a.createDocument({ target: 'এক\n\nদুই', source: 'One\n\nTwo' });
    const read = (await b.api('GET', `/api/documents/${imported.id}`, undefined, imported.tokens.viewer)).body;
    expect(read.segments.map((segment: { source: string; target: string }) => [segment.source, segment.target])).toEqual([['One', 'এক'], ['Two', 'দুই']]);
  });

  it('SPEC 17.19 a suggestion accepted on one instance reaches editors connected to another at once, and its new status their review room', { timeout: 60_000 }, async () => {
    const { a, b } = await twoInstances();
    const { id, tokens } = await a.createDocument();
    const editorOnB = client(b.wsUrl, id, tokens.editor);
    const reviewOnB = client(b.wsUrl, `${id}/review`, tokens.viewer);
    const editorOnA = client(a.wsUrl, id, tokens.editor);
    await synced(editorOnB, reviewOnB, editorOnA);
    const segments = (await a.api('GET', `/api/documents/${id}`, undefined, tokens.viewer)).body.segments;

    const suggestion = await a.api('POST', `/api/documents/${id}/suggestions`, { segmentId: segments[2].id, find: 'দ্বিতীয়', text: 'শেষ' }, tokens.reviewer);
    expect(suggestion.status).toBe(201);
    expect((await a.api('POST', `/api/documents/${id}/suggestions/${suggestion.body.id}/accept`, undefined, tokens.editor)).status).toBe(200);
    await eventually(() => expect(texts(editorOnB)[2]).toBe('শেষ অনুচ্ছেদ।'));
    expect(texts(editorOnA)[2]).toBe('শেষ অনুচ্ছেদ।');
    await eventually(() => {
      const stored = reviewOnB.doc.getMap('suggestions').get(suggestion.body.id) as { status?: string } | undefined;
      expect(stored?.status).toBe('accepted');
    });
  });
});
