// POST /api/align (admin, SPEC 6.6): how an import's blocks would pair — the aligner's proposal,
// or a given alignment checked — without creating anything; the New-article dialog shows it.
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from './context.js';
import { createBody, importFailure, requireLanguages } from './documents.js';
import { parseBody } from './errors.js';

export function alignRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post('/api/align', async (request) => {
    await ctx.guard.admin(request);
    const body = parseBody(createBody, request.body);
    requireLanguages(body);
    // The importers and the aligner are loaded on first use.
    const [{ LOW_CONFIDENCE }, { alignDocument }] = await Promise.all([import('../../shared/align/index.js'), import('../documents/create.js')]);
    try {
      return { ...(await alignDocument({ ...body, align: body.align ?? 'auto' })), lowConfidence: LOW_CONFIDENCE };
    } catch (error) {
      throw importFailure(error);
    }
  });
}
