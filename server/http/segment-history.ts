// A segment's own history (SPEC 16.15): its text at each version where it changed, newest first,
// with who had last changed it by then (the version's review room keeps the `changed` notes of
// SPEC 16.9). Read from the stored versions, never by loading a room; one request reads every
// version of the article, so it is asked for one segment at a time, on demand.
import type { FastifyInstance } from 'fastify';
import { ReviewRoom } from '../../shared/schema.js';
import { docOf, segmentTexts } from '../history/states.js';
import { versionView } from '../history/save.js';
import type { SegmentChange } from '../history/changes.js';
import type { ApiContext } from './context.js';
import { notFound } from './errors.js';

export function segmentHistoryRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/api/documents/:id/segments/:sid/history', async (request) => {
    const { id, sid } = request.params as { id: string; sid: string };
    await ctx.guard.document(request, id, 'viewer');
    if (!(await ctx.store.getDocument(id))) throw notFound();
    const entries = [];
    let previous: string | null = null;
    for (const record of (await ctx.store.listVersions(id)).reverse()) {
      const stored = await ctx.store.loadVersion(id, record.id);
      if (!stored) continue; // deleted meanwhile
      const text = segmentTexts(stored.content).find((s) => s.id === sid)?.text ?? null;
      if (text === previous) continue;
      previous = text;
      const review = docOf(stored.review);
      let change: SegmentChange | undefined;
      try {
        change = review.getMap<SegmentChange>(ReviewRoom.changed).get(sid);
      } finally {
        review.destroy();
      }
      entries.push({ version: versionView(record), text, changedBy: change?.by ?? null, changedAt: change?.at ?? null });
    }
    if (entries.length === 0) throw notFound(`no segment ${sid} in any version of this document`);
    return { versions: entries.reverse() };
  });
}
