// Glossaries (SPEC 13): one per document, kept in its review room, and a workspace glossary shared
// by every document, kept in the store. JSON or CSV both ways (`?format=csv`, `text/csv` bodies).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ReviewRoom } from '../../shared/schema.js';
import { glossaryBody, workspaceGlossary, WORKSPACE_GLOSSARY_KEY, documentGlossary, type GlossaryEntries } from '../documents/glossary.js';
import type { ApiContext } from './context.js';
import { ApiError, badRequest, parseBody } from './errors.js';

/** The CSV reader and writer, loaded on first use rather than at start. */
const csv = () => import('../../shared/glossary/csv.js');

async function readEntries(request: FastifyRequest): Promise<GlossaryEntries> {
  if (typeof request.body === 'string') {
    const { parseGlossaryCsv } = await csv();
    try {
      return parseBody(glossaryBody, { entries: parseGlossaryCsv(request.body) }).entries;
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw badRequest(`the CSV could not be read: ${(error as Error).message}`, 'bad_csv');
    }
  }
  return parseBody(glossaryBody, request.body).entries;
}

async function answer(request: FastifyRequest, reply: FastifyReply, entries: GlossaryEntries, extra: object = {}) {
  if ((request.query as Record<string, unknown>).format !== 'csv') return { entries, ...extra };
  const { writeGlossaryCsv } = await csv();
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', 'attachment; filename="glossary.csv"')
    .send(writeGlossaryCsv(entries));
}

export function glossaryRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.get('/api/documents/:id/glossary', async (request, reply) => {
    const { id } = request.params as { id: string };
    await ctx.guard.document(request, id, 'viewer', { allowQuery: true });
    const entries = await ctx.rooms.with(id, 'review', (room) => documentGlossary(room.doc));
    return answer(request, reply, entries, { workspace: await workspaceGlossary(ctx.store) });
  });
  app.put('/api/documents/:id/glossary', async (request, reply) => {
    const { id } = request.params as { id: string };
    await ctx.guard.document(request, id, 'editor');
    const entries = await readEntries(request);
    await ctx.rooms.with(id, 'review', (room) => room.write((doc) => doc.getMap(ReviewRoom.glossary).set('entries', entries)));
    return answer(request, reply, entries);
  });

  app.get('/api/glossary', async (request, reply) => {
    await ctx.guard.admin(request);
    return answer(request, reply, await workspaceGlossary(ctx.store));
  });
  app.put('/api/glossary', async (request, reply) => {
    await ctx.guard.admin(request);
    const entries = await readEntries(request);
    await ctx.store.putSetting(WORKSPACE_GLOSSARY_KEY, JSON.stringify(entries));
    return answer(request, reply, entries);
  });
}
