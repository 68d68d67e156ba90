// Documents: create (import), list, read, delete.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CloseCode } from '../../shared/schema.js';
import { DOCUMENT_FORMATS, SELF_DESCRIBING_FORMATS } from '../../shared/import/document.js';
import { ImportError } from '../../shared/import/errors.js';
import { LANGUAGE_TAG } from '../../shared/import/language.js';
import { createDocument } from '../documents/create.js';
import { readSegments } from '../documents/read.js';
import type { ApiContext } from './context.js';
import { ApiError, badRequest, notFound, parseBody } from './errors.js';
import { baseUrl, roleLinks } from './links.js';

const language = z.string().regex(LANGUAGE_TAG, 'must be a language tag such as en or bn-BD');

const createBody = z.object({
  title: z.string().max(300).optional(),
  sourceLang: language.optional(),
  targetLang: language.optional(),
  format: z.enum(DOCUMENT_FORMATS),
  source: z.string().optional(),
  target: z.string().optional(),
  content: z.string().optional(),
});

const docParams = z.object({ id: z.string() });

export function documentRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post('/api/documents', async (request, reply) => {
    await ctx.guard.admin(request);
    const body = parseBody(createBody, request.body);
    if (!SELF_DESCRIBING_FORMATS.includes(body.format)) {
      for (const field of ['sourceLang', 'targetLang'] as const) {
        if (body[field] === undefined) throw badRequest(`${field}: required for ${body.format} imports`);
      }
    }
    let record;
    try {
      record = await createDocument(ctx.store, body);
    } catch (error) {
      if (error instanceof ImportError) throw new ApiError(error.code === 'too_large' ? 413 : 400, error.code, error.message);
      throw error;
    }
    const { tokens, links } = await roleLinks(ctx, baseUrl(ctx, request), record.id, record.tokenGeneration);
    return reply.status(201).send({ id: record.id, title: record.title, tokens, links });
  });

  app.get('/api/documents', async (request) => {
    await ctx.guard.admin(request);
    const documents = await ctx.store.listDocuments();
    return {
      documents: documents.map(({ id, title, sourceLang, targetLang, createdAt, updatedAt, segmentCount }) => ({
        id,
        title,
        sourceLang,
        targetLang,
        createdAt,
        updatedAt,
        segmentCount,
      })),
    };
  });

  app.get('/api/documents/:id', async (request) => {
    const { id } = docParams.parse(request.params);
    const caller = await ctx.guard.document(request, id, 'viewer');
    const record = await ctx.store.getDocument(id);
    if (!record) throw notFound();
    const segments = await ctx.changes.annotate(id, await readSegments(ctx.rooms, id));
    return {
      id,
      title: record.title,
      sourceLang: record.sourceLang,
      targetLang: record.targetLang,
      role: caller.role ?? 'admin',
      segments,
    };
  });

  app.delete('/api/documents/:id', async (request) => {
    const { id } = docParams.parse(request.params);
    await ctx.guard.admin(request);
    if (!(await ctx.store.getDocument(id))) throw notFound();
    await ctx.rooms.removeDocument(id, CloseCode.notFound, 'document deleted');
    await ctx.store.deleteDocument(id);
    return { id, deleted: true };
  });
}
