// The desk's articles with their progress (segment statuses; omitted segments count in none,
// SPEC 11.9), loaded with the admin token.
import { useCallback, useEffect, useState } from 'react';
import { SEGMENT_STATES, type SegmentState } from '../../shared/schema.js';
import { api, ApiError, type ArticleSummary } from '../app/api.js';

export type Progress = Record<SegmentState, number>;

export interface ArticleRow extends ArticleSummary {
  progress: Progress | null;
}

function countStates(states: SegmentState[]): Progress {
  const progress = Object.fromEntries(SEGMENT_STATES.map((s) => [s, 0])) as Progress;
  for (const state of states) progress[state] = (progress[state] ?? 0) + 1;
  return progress;
}

/** Runs `work` over `items`, a few at a time. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export function useArticles(token: string) {
  const [rows, setRows] = useState<ArticleRow[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    try {
      const { documents } = await api.list(token);
      const sorted = [...documents].sort((a, b) => b.updatedAt - a.updatedAt);
      // Progress already known stays until it is read again, so a reload neither flickers nor empties a filtered list.
      setRows((current) => {
        const known = new Map(current?.map((row) => [row.id, row.progress]));
        return sorted.map((d) => ({ ...d, progress: known.get(d.id) ?? null }));
      });
      setError(null);
      await eachLimited(sorted, 4, async (doc) => {
        try {
          const detail = await api.get(token, doc.id);
          const progress = countStates(detail.segments.filter((s) => !s.omitted).map((s) => s.status));
          setRows((current) => current?.map((row) => (row.id === doc.id ? { ...row, progress } : row)) ?? current);
        } catch {
          // A document deleted meanwhile, or a slow server: its row simply shows no progress.
        }
      });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'error', String(caught)));
    }
  }, [token]);

  useEffect(() => {
    void load();
  }, [load]);

  return { rows, error, reload: load };
}
