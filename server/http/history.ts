// History API (SPEC 16): versions saved, listed, exported, compared, restored and deleted. The role
// check comes before the body is read; a version is read from the store, never by loading a room.
// The exporters, the word diff and headless Lexical are loaded on first use, not at start.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { EXPORT_FORMATS, type Role } from '../../shared/schema.js';
import { reviewForExport } from '../documents/export-review.js';
import { saveVersion, versionView } from '../history/save.js';
import { docOf, segmentTexts } from '../history/states.js';
import { withRooms, type Actor } from '../review/context.js';
import { actingAs } from '../history/acting.js';
import type { StoredVersion } from '../storage/versions.js';
import type { ApiContext } from './context.js';
import { badRequest, conflict, forbidden, notFound, parseBody } from './errors.js';
import { contentDisposition } from './export.js';

const nameBody = z.object({ name: z.string().trim().min(1, 'a version needs a name').max(200) });
const restoreBody = z.object({ segmentId: z.string().min(1).optional() });
const CURRENT = 'current';

export function historyRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const param = (request: FastifyRequest, name: string) => (request.params as Record<string, string>)[name];

  /** The caller's role checked, as an actor with a name (the admin cannot act on an article). */
  const actor = async (request: FastifyRequest, least: Role): Promise<Actor> => {
    const { claims } = await ctx.guard.document(request, param(request, 'id'), least);
    if (!claims) throw forbidden('the admin token cannot act on an article; use a role link');
    return { id: claims.sub, name: claims.name ?? claims.role[0].toUpperCase() + claims.role.slice(1), role: claims.role };
  };

  const document = async (id: string) => {
    const record = await ctx.store.getDocument(id);
    if (!record) throw notFound();
    return record;
  };

  const version = async (docId: string, vid: string): Promise<StoredVersion> => {
    const found = await ctx.store.loadVersion(docId, vid);
    if (!found) throw notFound(`no version ${vid} of this document`);
    return found;
  };

  app.post('/api/documents/:id/versions', async (request, reply) => {
    const who = await actor(request, 'editor');
    const { name } = parseBody(nameBody, request.body);
    const id = param(request, 'id');
    await document(id);
    await ctx.changes.flush(id);
    const record = await saveVersion(ctx.store, ctx.rooms, id, { name, auto: false, author: who.name });
    return reply.status(201).send(versionView(record));
  });

  app.get('/api/documents/:id/versions', async (request) => {
    const id = param(request, 'id');
    await ctx.guard.document(request, id, 'viewer');
    return { versions: (await ctx.store.listVersions(id)).map(versionView) };
  });

  app.get('/api/documents/:id/versions/:vid/export', async (request, reply) => {
    const id = param(request, 'id');
    await ctx.guard.document(request, id, 'viewer', { allowQuery: true });
    const format = (request.query as Record<string, unknown>).format ?? 'txt';
    const { exportFile, isExportFormat } = await import('../../shared/export/index.js');
    if (typeof format !== 'string' || !isExportFormat(format)) {
      throw badRequest(`unknown export format "${String(format)}" (use ${EXPORT_FORMATS.join(', ')})`, 'bad_format');
    }
    const record = await document(id);
    const stored = await version(id, param(request, 'vid'));
    const reviewDoc = docOf(stored.review);
    let file;
    try {
      file = await exportFile(stored.content, format, {
        id,
        title: record.title,
        sourceLang: record.sourceLang,
        targetLang: record.targetLang,
        review: reviewForExport(reviewDoc).review,
      });
    } finally {
      reviewDoc.destroy();
    }
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', contentDisposition(`${record.title} (${stored.name})`, file.extension))
      .send(file.body);
  });

  app.get('/api/documents/:id/diff', async (request, reply) => {
    const id = param(request, 'id');
    await ctx.guard.document(request, id, 'viewer', { allowQuery: true });
    const query = request.query as Record<string, unknown>;
    for (const side of ['from', 'to'] as const) {
      if (typeof query[side] !== 'string' || query[side] === '') throw badRequest(`${side}: a version id or "${CURRENT}"`);
    }
    const format = query.format ?? 'json';
    if (format !== 'json' && format !== 'html' && format !== 'docx') {
      throw badRequest(`unknown comparison format "${String(format)}" (use json, html, docx)`, 'bad_format');
    }
    const record = await document(id);
    const side = async (which: string) => {
      if (which === CURRENT) return { name: 'current', author: null, at: Date.now(), texts: await ctx.rooms.with(id, 'content', (room) => segmentTexts(room.doc)) };
      const stored = await version(id, which);
      return { name: stored.name, author: stored.author, at: stored.createdAt, texts: segmentTexts(stored.content) };
    };
    const [from, to] = [await side(query.from as string), await side(query.to as string)];
    const { diffSegments } = await import('../../shared/diff/segments.js');
    const segments = diffSegments(from.texts, to.texts, record.targetLang);
    if (format === 'json') return { segments };
    const { comparisonDocx, comparisonHtml } = await import('../../shared/diff/export.js');
    const options = { title: record.title, targetLang: record.targetLang, from: from.name, to: to.name, author: to.author ?? 'Tandem', date: new Date(to.at) };
    const body = format === 'html' ? comparisonHtml(segments, options) : await comparisonDocx(segments, options);
    return reply
      .header('content-type', format === 'html' ? 'text/html; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', contentDisposition(`${record.title} (${from.name} → ${to.name})`, format))
      .send(body);
  });

  app.post('/api/documents/:id/versions/:vid/restore', async (request) => {
    const who = await actor(request, 'editor');
    const { segmentId } = parseBody(restoreBody, request.body ?? {});
    const id = param(request, 'id');
    const record = await document(id);
    const stored = await version(id, param(request, 'vid'));
    const { restoreVersion } = await import('../history/restore.js');
    const result = await actingAs(who, () =>
      withRooms(ctx.rooms, id, async (rooms) => {
        await ctx.changes.flush(id, rooms.review);
        return restoreVersion(ctx.store, ctx.rooms, rooms, who, stored, record.targetLang, segmentId);
      }),
    );
    return { restored: versionView(stored), before: versionView(result.before), changed: result.changed, added: result.added, removed: result.removed };
  });

  app.delete('/api/documents/:id/versions/:vid', async (request) => {
    await actor(request, 'editor');
    const id = param(request, 'id');
    const vid = param(request, 'vid');
    const found = (await ctx.store.listVersions(id)).find((v) => v.id === vid);
    if (!found) throw notFound(`no version ${vid} of this document`);
    if (found.auto) throw conflict('automatic versions are thinned by the server, not deleted', 'auto_version');
    await ctx.store.deleteVersions(id, [vid]);
    return { id: vid, deleted: true };
  });
}
