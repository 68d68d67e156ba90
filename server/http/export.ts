// Export of the translation as a file (SPEC 7, SPEC 12). The token may come as ?token= so links download.
// The exporters, QA and headless Lexical are loaded on first use, not at start.
import type { FastifyInstance } from 'fastify';
import { EXPORT_FORMATS } from '../../shared/schema.js';
import { reviewForExport, unresolvedWorkHeaders } from '../documents/export-review.js';
import type { ApiContext } from './context.js';
import { badRequest, notFound } from './errors.js';

/** `attachment` with an ASCII fallback name and the real (possibly Bengali) one. */
export function contentDisposition(title: string, extension: string): string {
  const base = title.normalize('NFC').replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 100) || 'article';
  const ascii = base.replace(/[^\x20-\x7e]+/g, '').replace(/\s+/g, '-').replace(/^-+|-+$/g, '') || 'article';
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${base}.${extension}`)}`;
}

export function exportRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/api/documents/:id/export', async (request, reply) => {
    const { id } = request.params as { id: string };
    await ctx.guard.document(request, id, 'viewer', { allowQuery: true });
    const format = (request.query as Record<string, unknown>).format ?? 'txt';
    const [{ exportFile, isExportFormat }, { contentState }, { documentQa }] = await Promise.all([
      import('../../shared/export/index.js'),
      import('../documents/read.js'),
      import('../documents/qa.js'),
    ]);
    if (typeof format !== 'string' || !isExportFormat(format)) {
      throw badRequest(`unknown export format "${String(format)}" (use ${EXPORT_FORMATS.join(', ')})`, 'bad_format');
    }
    const record = await ctx.store.getDocument(id);
    if (!record) throw notFound();
    const state = await contentState(ctx.rooms, id);
    const work = await ctx.rooms.with(id, 'review', (room) => reviewForExport(room.doc));
    const qaErrors = (await documentQa(ctx.rooms, ctx.store, record)).issues.filter((issue) => issue.severity === 'error').length;
    const file = await exportFile(state, format, {
      id,
      title: record.title,
      sourceLang: record.sourceLang,
      targetLang: record.targetLang,
      review: work.review,
    });
    return reply
      .headers(unresolvedWorkHeaders({ ...work, qaErrors }))
      .header('access-control-expose-headers', 'x-tandem-open-suggestions, x-tandem-open-threads, x-tandem-qa-errors')
      .header('content-type', file.contentType)
      .header('content-disposition', contentDisposition(record.title, file.extension))
      .send(file.body);
  });
}
