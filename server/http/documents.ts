// Documents: create (import), list, read, delete. The importers and headless Lexical are loaded on
// first use, not at start.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CloseCode } from '../../shared/schema.js';
import { DOCUMENT_FORMATS, SELF_DESCRIBING_FORMATS } from '../../shared/import/formats.js';
import { ImportError } from '../../shared/import/errors.js';
import { LANGUAGE_TAG } from '../../shared/import/language.js';
import type { PrepareImport } from '../documents/create.js';
import { PROPAGATE_REPETITIONS, propagatesRepetitions } from '../../shared/review/repetitions.js';
import { ReviewRoom } from '../../shared/schema.js';
import type { ApiContext } from './context.js';
import { ApiError, badRequest, notFound, parseBody } from './errors.js';
import { baseUrl, roleLinks } from './links.js';

const language = z.string().regex(LANGUAGE_TAG, 'must be a language tag such as en or bn-BD');

const blockIndices = z.array(z.number().int().nonnegative()).max(100_000);

export const createBody = z.object({
  title: z.string().max(300).optional(),
  sourceLang: language.optional(),
  targetLang: language.optional(),
  format: z.enum(DOCUMENT_FORMATS),
  source: z.string().optional(),
  target: z.string().optional(),
  content: z.string().optional(),
  // SPEC 6.6: pair the blocks by the aligner's proposal, or as given.
  // SPEC 18.8: fill empty drafts from the translation memory's 100 % matches.
  pretranslate: z.boolean().optional(),
  align: z.union([z.literal('auto'), z.array(z.object({ source: blockIndices, target: blockIndices })).max(100_000)]).optional(),
});

/** Languages are required unless the file names them (SPEC 12.5). */
export function requireLanguages(body: z.infer<typeof createBody>): void {
  if (SELF_DESCRIBING_FORMATS.includes(body.format)) return;
  for (const field of ['sourceLang', 'targetLang'] as const) {
    if (body[field] === undefined) throw badRequest(`${field}: required for ${body.format} imports`);
  }
}

/** An import refused: 400 with its code, 413 for a Word draft too large to unpack. */
export function importFailure(error: unknown): unknown {
  return error instanceof ImportError ? new ApiError(error.code === 'too_large' ? 413 : 400, error.code, error.message) : error;
}

const docParams = z.object({ id: z.string() });
// SPEC 18.20: the article's settings an editor changes.
const settingsBody = z.strictObject({ propagateRepetitions: z.boolean() });

export function documentRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post('/api/documents', async (request, reply) => {
    await ctx.guard.admin(request);
    const body = parseBody(createBody, request.body);
    requireLanguages(body);
    let record;
    let pretranslated: number | undefined;
    const prepare: PrepareImport = async (parsed, { sourceLang, targetLang }) => {
      const { pretranslate } = await import('../memory/pretranslate.js');
      pretranslated = await pretranslate(ctx.memory, parsed, sourceLang, targetLang);
    };
    const { createDocument } = await import('../documents/create.js');
    try {
      record = await createDocument(ctx.store, body, body.pretranslate ? prepare : undefined);
    } catch (error) {
      throw importFailure(error);
    }
    const { tokens, links } = await roleLinks(ctx, baseUrl(ctx, request), record.id, record.tokenGeneration);
    return reply.status(201).send({ id: record.id, title: record.title, tokens, links, ...(pretranslated === undefined ? {} : { pretranslated }) });
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
    const { readSegments } = await import('../documents/read.js');
    const segments = await ctx.changes.annotate(id, await readSegments(ctx.rooms, id));
    return {
      id,
      title: record.title,
      sourceLang: record.sourceLang,
      targetLang: record.targetLang,
      role: caller.role ?? 'admin',
      propagateRepetitions: await ctx.rooms.with(id, 'review', (room) => propagatesRepetitions(room.doc)),
      segments,
    };
  });

  app.patch('/api/documents/:id', async (request) => {
    const { id } = docParams.parse(request.params);
    await ctx.guard.document(request, id, 'editor');
    const { propagateRepetitions } = parseBody(settingsBody, request.body);
    await ctx.rooms.with(id, 'review', (room) => room.write((doc) => doc.getMap(ReviewRoom.settings).set(PROPAGATE_REPETITIONS, propagateRepetitions)));
    return { id, propagateRepetitions };
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
