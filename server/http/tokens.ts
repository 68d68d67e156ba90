// Minting a role token for a document, and revoking them all (SPEC 1.6).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CloseCode, ROLES } from '../../shared/schema.js';
import { cleanName } from '../collab/presence.js';
import type { ApiContext } from './context.js';
import { forbidden, notFound, parseBody } from './errors.js';
import { articleLink, baseUrl } from './links.js';

const mintBody = z.object({
  role: z.enum(ROLES),
  name: z.string().max(200).optional(),
  /** Seconds, or a duration such as "7d" or "12h". */
  expiresIn: z.union([z.number().int().positive(), z.string().regex(/^\d+\s*(s|m|h|d|w)$/, 'use seconds or a duration such as 7d')]).optional(),
});

const sessionBody = z.object({ name: z.string().max(200).optional() });

export function tokenRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post('/api/documents/:id/tokens', async (request, reply) => {
    const { id } = request.params as { id: string };
    await ctx.guard.admin(request);
    const body = parseBody(mintBody, request.body ?? {});
    const record = await ctx.store.getDocument(id);
    if (!record) throw notFound();
    const name = body.name === undefined ? undefined : cleanName(body.name) || undefined;
    const token = await ctx.tokens.sign({ doc: id, role: body.role, gen: record.tokenGeneration, ...(name ? { name } : {}) }, body.expiresIn);
    return reply.status(201).send({ token, link: articleLink(baseUrl(ctx, request), id, token) });
  });

  // A personal token for the holder of a role link, so the desk tells authors apart (SPEC 1.8).
  app.post('/api/documents/:id/session', async (request, reply) => {
    const { id } = request.params as { id: string };
    const { claims } = await ctx.guard.document(request, id, 'viewer');
    if (!claims) throw forbidden('the admin token has no session on an article; use a role link');
    const { name } = parseBody(sessionBody, request.body ?? {});
    const personal = { doc: id, role: claims.role, gen: claims.gen, name: claims.name ?? (cleanName(name) || undefined), exp: claims.exp };
    const token = await ctx.tokens.sign(personal);
    return reply.status(201).send({ token, role: claims.role, name: personal.name ?? null });
  });

  app.post('/api/documents/:id/tokens/revoke', async (request) => {
    const { id } = request.params as { id: string };
    await ctx.guard.admin(request);
    const record = await ctx.store.getDocument(id);
    if (!record) throw notFound();
    const tokenGeneration = record.tokenGeneration + 1;
    await ctx.store.updateDocument(id, { tokenGeneration });
    await ctx.rooms.closeDocument(id, CloseCode.unauthorized, 'token revoked');
    return { id, revoked: true };
  });
}
