// Export of the translation as a file (SPEC 7). The token may come as ?token= so links download.
import type { FastifyInstance } from 'fastify';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/schema.js';
import { exportArticle } from '../../shared/export/index.js';
import { contentState } from '../documents/read.js';
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
    if (!EXPORT_FORMATS.includes(format as ExportFormat)) {
      throw badRequest(`unknown export format "${String(format)}" (use ${EXPORT_FORMATS.join(', ')})`, 'bad_format');
    }
    const record = await ctx.store.getDocument(id);
    if (!record) throw notFound();
    const file = exportArticle(await contentState(ctx.rooms, id), format as ExportFormat, {
      title: record.title,
      targetLang: record.targetLang,
    });
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', contentDisposition(record.title, file.extension))
      .send(file.body);
  });
}
