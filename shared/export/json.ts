// SPEC 12.3: the article as JSON, its segments shaped as GET /api/documents/:id shows them.
import type { SegmentRow } from './review.js';

export interface JsonOptions {
  id?: string;
  title?: string;
  sourceLang?: string;
  targetLang: string;
}

export function writeJson(rows: readonly SegmentRow[], options: JsonOptions): string {
  const { id, title, sourceLang, targetLang } = options;
  const headline = rows[0]?.target.replace(/\s+/g, ' ').trim() ?? '';
  // The omitted segments are left out before (SPEC 11.9), so the rows say nothing of it.
  const segments = rows.map(({ id, index, source, target, status }) => ({ id, index, source, target, status }));
  const article = { ...(id === undefined ? {} : { id }), title: title || headline, sourceLang: sourceLang ?? null, targetLang, segments };
  return `${JSON.stringify(article, null, 2)}\n`;
}
