// GET /api/documents/:id/qa (any role): the document's QA issues (SPEC 14), its profile applied,
// and apart from them the issues whose occurrence was ignored (SPEC 14.15, 14.16).
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from './context.js';
import { notFound } from './errors.js';

export function qaRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/api/documents/:id/qa', async (request) => {
    const { id } = request.params as { id: string };
    await ctx.guard.document(request, id, 'viewer');
    const record = await ctx.store.getDocument(id);
    if (!record) throw notFound();
    // The checks and headless Lexical are loaded on first use, not at start.
    const { documentQa } = await import('../documents/qa.js');
    return documentQa(ctx.rooms, ctx.store, record);
  });
}
