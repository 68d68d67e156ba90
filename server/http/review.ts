// Review API (SPEC 11): suggestions, comment threads, segment statuses, omitted segments, and
// splitting and merging segments. The author is always the token's holder; the role check comes
// before the body is read. What changes the article's text (headless Lexical) is loaded on first use.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SEGMENT_STATES, type Role } from '../../shared/schema.js';
import { suggestionsOf, threadsOf } from '../../shared/review/types.js';
import { withRooms, type Actor, type Rooms } from '../review/context.js';
import { actingAs } from '../history/acting.js';
import * as threads from '../review/threads.js';
import { setStatus } from '../review/statuses.js';
import { setOmitted } from '../review/omit.js';
import { propagatesRepetitions } from '../../shared/review/repetitions.js';
import { segmentTypes } from '../../shared/review/text-map.js';
import type { ApiContext } from './context.js';
import { forbidden, parseBody } from './errors.js';

const offset = z.number().int().nonnegative();
const range = { start: offset.optional(), end: offset.optional(), find: z.string().max(10_000).optional() };
const newSuggestion = z.object({ segmentId: z.string().min(1), text: z.string().max(100_000), note: z.string().max(10_000).optional(), ...range });
const suggestionPatch = z.object({ text: z.string().max(100_000).optional(), note: z.string().max(10_000).optional() });
const newThread = z.object({ segmentId: z.string().min(1), text: z.string().min(1).max(20_000), ...range });
const replyBody = z.object({ text: z.string().min(1).max(20_000) });
const statusBody = z.object({ status: z.enum(SEGMENT_STATES) });
const scopeBody = z.object({ segmentId: z.string().min(1).optional() });
const omittedBody = z.object({ omitted: z.boolean() });
const splitBody = z.object({ at: offset, sourceAt: offset.optional() });

const capitalized = (role: Role) => role[0].toUpperCase() + role.slice(1);

const suggestions = () => import('../review/suggestions.js');
const splitting = () => import('../review/split.js');
const merging = () => import('../review/merge.js');
const repetitions = () => import('../review/repetitions.js');

export function reviewRoutes(app: FastifyInstance, ctx: ApiContext): void {
  /** Checks the caller's role, then runs `fn` with both rooms held and the caller as actor. */
  const act = async <T>(request: FastifyRequest, least: Role, fn: (rooms: Rooms, actor: Actor) => Promise<T>): Promise<T> => {
    const { id } = request.params as { id: string };
    const { claims } = await ctx.guard.document(request, id, least);
    if (!claims) throw forbidden('the admin token cannot act on an article; use a role link');
    const actor: Actor = { id: claims.sub, name: claims.name ?? capitalized(claims.role), role: claims.role };
    return actingAs(actor, () => withRooms(ctx.rooms, id, (rooms) => fn(rooms, actor)));
  };
  const param = (request: FastifyRequest, name: string) => (request.params as Record<string, string>)[name];

  app.get('/api/documents/:id/suggestions', async (request) => {
    const { id } = request.params as { id: string };
    await ctx.guard.document(request, id, 'viewer');
    return ctx.rooms.with(id, 'review', (room) => ({ suggestions: [...suggestionsOf(room.doc).values()] }));
  });
  app.post('/api/documents/:id/suggestions', async (request, reply) => {
    const created = await act(request, 'reviewer', async (rooms, actor) => (await suggestions()).createSuggestion(rooms, actor, parseBody(newSuggestion, request.body)));
    return reply.status(201).send(created);
  });
  app.patch('/api/documents/:id/suggestions/:sid', (request) =>
    act(request, 'reviewer', async (rooms, actor) => (await suggestions()).editSuggestion(rooms, actor, param(request, 'sid'), parseBody(suggestionPatch, request.body))),
  );
  app.post('/api/documents/:id/suggestions/:sid/accept', (request) =>
    act(request, 'editor', async (rooms, actor) => (await suggestions()).acceptSuggestion(rooms, actor, param(request, 'sid'))),
  );
  app.post('/api/documents/:id/suggestions/:sid/reject', (request) =>
    act(request, 'editor', async (rooms, actor) => (await suggestions()).rejectSuggestion(rooms, actor, param(request, 'sid'))),
  );
  app.post('/api/documents/:id/suggestions/:sid/withdraw', (request) =>
    act(request, 'reviewer', async (rooms, actor) => (await suggestions()).withdrawSuggestion(rooms, actor, param(request, 'sid'))),
  );
  app.post('/api/documents/:id/suggestions/accept-all', (request) =>
    act(request, 'editor', async (rooms, actor) => (await suggestions()).acceptAll(rooms, actor, parseBody(scopeBody, request.body ?? {}).segmentId)),
  );
  app.post('/api/documents/:id/suggestions/reject-all', (request) =>
    act(request, 'editor', async (rooms, actor) => (await suggestions()).rejectAll(rooms, actor, parseBody(scopeBody, request.body ?? {}).segmentId)),
  );

  app.get('/api/documents/:id/comments', async (request) => {
    const { id } = request.params as { id: string };
    await ctx.guard.document(request, id, 'viewer');
    return ctx.rooms.with(id, 'review', (room) => ({ threads: [...threadsOf(room.doc).values()] }));
  });
  app.post('/api/documents/:id/comments', async (request, reply) => {
    const created = await act(request, 'reviewer', (rooms, actor) => threads.createThread(rooms, actor, parseBody(newThread, request.body)));
    return reply.status(201).send(created);
  });
  app.post('/api/documents/:id/comments/:cid/replies', async (request, reply) => {
    const added = await act(request, 'reviewer', (rooms, actor) => threads.reply(rooms, actor, param(request, 'cid'), parseBody(replyBody, request.body).text));
    return reply.status(201).send(added);
  });
  app.post('/api/documents/:id/comments/:cid/resolve', (request) =>
    act(request, 'reviewer', (rooms, actor) => threads.setResolved(rooms, actor, param(request, 'cid'), true)),
  );
  app.post('/api/documents/:id/comments/:cid/reopen', (request) =>
    act(request, 'reviewer', (rooms, actor) => threads.setResolved(rooms, actor, param(request, 'cid'), false)),
  );

  app.put('/api/documents/:id/segments/:segmentId/status', (request) =>
    act(request, 'reviewer', async (rooms, actor) => {
      const status = await setStatus(ctx.store, rooms, actor, param(request, 'segmentId'), parseBody(statusBody, request.body).status);
      // A confirmed segment is a translation unit (SPEC 18.4).
      await ctx.memoryWriter.write(rooms.content.docId, rooms, [status.segmentId]);
      // Its repetitions take its translation (SPEC 18.21).
      if (status.state === 'draft' || !propagatesRepetitions(rooms.review.doc)) return status;
      const { propagateRepetitions } = await repetitions();
      return { ...status, propagated: (await propagateRepetitions(rooms, actor, status.segmentId, ctx)).filled };
    }),
  );
  app.post('/api/documents/:id/segments/:segmentId/propagate', (request) =>
    act(request, 'editor', async (rooms, actor) => (await repetitions()).propagateRepetitions(rooms, actor, param(request, 'segmentId'), ctx)),
  );
  app.put('/api/documents/:id/segments/:segmentId/omitted', (request) =>
    act(request, 'editor', (rooms, actor) => setOmitted(rooms, actor, param(request, 'segmentId'), parseBody(omittedBody, request.body).omitted)),
  );

  /** A split or merge changes the article's segment count: the document record follows once both rooms are stored. */
  const restructure = <T>(request: FastifyRequest, fn: (rooms: Rooms, actor: Actor) => Promise<T>) =>
    act(request, 'editor', async (rooms, actor) => {
      const result = await fn(rooms, actor);
      await ctx.store.updateDocument(param(request, 'id'), { segmentCount: segmentTypes(rooms.content.doc).length });
      return result;
    });
  app.post('/api/documents/:id/segments/:segmentId/split', (request) =>
    restructure(request, async (rooms, actor) => (await splitting()).splitSegment(rooms, actor, param(request, 'segmentId'), parseBody(splitBody, request.body))),
  );
  app.post('/api/documents/:id/segments/:segmentId/merge', (request) =>
    restructure(request, async (rooms, actor) => (await merging()).mergeWithNext(rooms, actor, param(request, 'segmentId'))),
  );
}
