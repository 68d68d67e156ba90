// Articles for the format tests: a content state from text or Markdown, and review data beside it.
import { readFileSync } from 'node:fs';
import { $readSegments } from '../../../shared/article.js';
import type { ExportReview, ExportThread } from '../../../shared/export/index.js';
import { openArticle } from '../../../shared/headless.js';
import { parseImport } from '../../../shared/import/index.js';
import type { SegmentState } from '../../../shared/schema.js';
import { seedArticle } from '../../../shared/seed.js';

export const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

export function seed(format: string, target: string, source?: string) {
  const parsed = parseImport({ format, target, source });
  const state = seedArticle(parsed);
  const sources = new Map(parsed.segments.flatMap((s) => (s.source === null ? [] : [[s.id, s.source] as const])));
  return { state, ids: parsed.segments.map((s) => s.id), sources };
}

export function thread(segmentId: string, text: string, extra: Partial<ExportThread> = {}): ExportThread {
  return { id: `t${segmentId}`, segmentId, resolved: false, quote: { exact: '' }, comments: [{ author: 'Rina', text }], ...extra };
}

export function review(sources: ExportReview['sources'], statuses: Record<string, SegmentState>, threads: ExportThread[] = []): ExportReview {
  return { sources, statuses, threads };
}

/** The segments of a content state: id and text. */
export function segmentsOf(state: Uint8Array) {
  const article = openArticle(state);
  try {
    return article.read($readSegments);
  } finally {
    article.dispose();
  }
}
