// An article's QA profile and ignored issues (SPEC 14.15, 14.16), kept in its review room: every
// role reads them, editors change them. The pages follow the room live.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CHECK_SETTINGS, cleanProfile, type IgnoredIssue } from '../../shared/qa/profile.js';
import { QA_CHECKS } from '../../shared/qa/types.js';
import { ReviewRoom } from '../../shared/schema.js';
import { ignoredIssuesOf, qaProfileOf } from '../../shared/review/qa-settings.js';
import { ignoredIdOf } from '../review/ignored-id.js';
import type { ApiContext } from './context.js';
import { notFound, parseBody } from './errors.js';

const profileBody = z.object({
  checks: z.strictObject(Object.fromEntries(QA_CHECKS.map((check) => [check, z.enum(CHECK_SETTINGS).optional()]))),
});
const occurrenceBody = z.object({
  segmentId: z.string().min(1).max(200),
  check: z.enum(QA_CHECKS),
  message: z.string().min(1).max(2000),
  text: z.string().max(10_000),
});

export function qaSettingsRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const param = (request: { params: unknown }, name: string) => (request.params as Record<string, string>)[name];

  app.get('/api/documents/:id/qa/profile', async (request) => {
    const id = param(request, 'id');
    await ctx.guard.document(request, id, 'viewer');
    return { checks: await ctx.rooms.with(id, 'review', (room) => qaProfileOf(room.doc)) };
  });
  app.put('/api/documents/:id/qa/profile', async (request) => {
    const id = param(request, 'id');
    await ctx.guard.document(request, id, 'editor');
    const checks = cleanProfile(parseBody(profileBody, request.body).checks);
    await ctx.rooms.with(id, 'review', (room) => room.write((doc) => doc.getMap(ReviewRoom.qa).set('profile', checks)));
    return { checks };
  });

  app.get('/api/documents/:id/qa/ignored', async (request) => {
    const id = param(request, 'id');
    await ctx.guard.document(request, id, 'viewer');
    const ignored = await ctx.rooms.with(id, 'review', (room) => [...ignoredIssuesOf(room.doc).values()]);
    return { ignored: ignored.sort((a, b) => a.at - b.at) };
  });
  app.post('/api/documents/:id/qa/ignored', async (request, reply) => {
    const id = param(request, 'id');
    const { claims } = await ctx.guard.document(request, id, 'editor');
    const occurrence = parseBody(occurrenceBody, request.body);
    const entry: IgnoredIssue = { id: ignoredIdOf(occurrence), ...occurrence, by: claims?.name ?? 'Editor', at: Date.now() };
    const kept = await ctx.rooms.with(id, 'review', async (room) => {
      const known = ignoredIssuesOf(room.doc).get(entry.id);
      // Answered once stored (SPEC 17.17: a write refused is never acknowledged).
      if (!known) await room.write((doc) => ignoredIssuesOf(doc).set(entry.id, entry));
      return known;
    });
    return reply.status(kept ? 200 : 201).send(kept ?? entry);
  });
  app.delete('/api/documents/:id/qa/ignored/:ignoredId', async (request) => {
    const id = param(request, 'id');
    await ctx.guard.document(request, id, 'editor');
    const ignoredId = param(request, 'ignoredId');
    const removed = await ctx.rooms.with(id, 'review', async (room) => {
      if (!ignoredIssuesOf(room.doc).has(ignoredId)) return false;
      await room.write((doc) => ignoredIssuesOf(doc).delete(ignoredId));
      return true;
    });
    if (!removed) throw notFound('no such ignored issue');
    return { id: ignoredId };
  });
}
