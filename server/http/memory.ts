// Translation memory API (SPEC 18): a segment's matches, concordance search, TMX and XLIFF import,
// TMX export, each pair's size, and filling the memory from an article. The matcher (and its word
// diff) and the TMX and XLIFF readers and writer (and their XML parser) are loaded on first use,
// not at start.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LANGUAGE_TAG } from '../../shared/import/language.js';
import { resolveToken } from '../auth/access.js';
import { pairKey } from '../memory/memory-store.js';
import { fillFromArticle } from '../memory/fill.js';
import { withRooms } from '../review/context.js';
import { version } from '../cli/help.js';
import type { ApiContext } from './context.js';
import { ApiError, badRequest, forbidden, notFound, parseBody, unauthorized } from './errors.js';
import { importFailure } from './documents.js';

const language = z.string().regex(LANGUAGE_TAG, 'must be a language tag such as en or bn-BD');
const searchQuery = z.object({ q: z.string().trim().min(1, 'q: the word or phrase to find').max(500), sourceLang: language, targetLang: language });
const exportQuery = z.object({ format: z.string().default('tmx'), sourceLang: language, targetLang: language });
export const TMX_TYPES = ['application/xml', 'text/xml', 'application/x-tmx+xml', 'application/xliff+xml'];

const bearer = (request: FastifyRequest) => {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : null;
};

export function memoryRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.addContentTypeParser(TMX_TYPES, { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.get('/api/documents/:id/segments/:segmentId/matches', async (request) => {
    const { id, segmentId } = request.params as { id: string; segmentId: string };
    await ctx.guard.document(request, id, 'viewer');
    const doc = await ctx.store.getDocument(id);
    if (!doc) throw notFound();
    const { segmentMatches } = await import('../memory/matches.js');
    return { matches: await segmentMatches(ctx.memory, ctx.rooms, doc, segmentId) };
  });

  // Any token of an article in the pair asked for, or the admin's (SPEC 18.6).
  app.get('/api/tm/search', async (request) => {
    const access = await resolveToken(bearer(request), ctx.tokens, ctx.store);
    if (!access || access.kind === 'gone') throw unauthorized();
    const { q, sourceLang, targetLang } = parseBody(searchQuery, request.query);
    if (access.kind === 'document') {
      const doc = await ctx.store.getDocument(access.claims.doc);
      if (!doc || pairKey(doc.sourceLang, doc.targetLang) !== pairKey(sourceLang, targetLang)) {
        throw forbidden(`this token's article is not translated from ${sourceLang} to ${targetLang}`);
      }
    }
    const found = await ctx.memory.search(q, sourceLang, targetLang);
    return {
      units: found.map(({ unit, hits }) => ({
        id: unit.id,
        source: unit.source,
        target: unit.target,
        sourceLang: unit.sourceLang,
        targetLang: unit.targetLang,
        status: unit.status,
        confirmedBy: unit.confirmedBy,
        confirmedAt: unit.confirmedAt,
        docId: unit.docId,
        hits,
      })),
    };
  });

  app.post('/api/tm/import', async (request) => {
    await ctx.guard.admin(request);
    if (typeof request.body !== 'string') {
      throw badRequest(`send the TMX or XLIFF file itself as the body, with Content-Type ${TMX_TYPES[0]}`);
    }
    const { parseMemoryFile } = await import('../memory/memory-file.js');
    let parsed;
    try {
      parsed = parseMemoryFile(request.body);
    } catch (error) {
      throw importFailure(error);
    }
    const { added, updated } = await ctx.memory.importUnits(parsed.units);
    return { units: parsed.units.length, added, updated, skipped: parsed.skipped };
  });

  app.get('/api/tm/stats', async (request) => {
    await ctx.guard.admin(request);
    return { pairs: await ctx.memory.pairs() };
  });

  // Every confirmed segment of the article as a unit (SPEC 18.32): an editor's, or the admin's.
  app.post('/api/documents/:id/memory', async (request) => {
    const { id } = request.params as { id: string };
    await ctx.guard.document(request, id, 'editor', { adminActs: true });
    const doc = await ctx.store.getDocument(id);
    if (!doc) throw notFound();
    return withRooms(ctx.rooms, id, (rooms) => fillFromArticle(ctx.memory, rooms, doc));
  });

  app.get('/api/tm/export', async (request, reply) => {
    await ctx.guard.admin(request);
    const { format, sourceLang, targetLang } = parseBody(exportQuery, request.query);
    if (format !== 'tmx') throw new ApiError(400, 'bad_format', `unknown format "${format}" (use tmx)`);
    const [units, { writeTmx }] = await Promise.all([ctx.memory.exportUnits(sourceLang, targetLang), import('../memory/tmx.js')]);
    const name = `memory-${sourceLang}-${targetLang}.tmx`.replace(/[^A-Za-z0-9.-]/g, '_');
    return reply
      .header('content-type', 'application/x-tmx+xml; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(writeTmx(units, sourceLang, version()));
  });
}
