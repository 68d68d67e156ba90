// The translation memory's routes the desk reads (SPEC 18.5, 18.6), with this person's own token.
// Each call takes a signal: a newer question aborts the one it makes stale.
import type { Hit, MemoryMatch, UnitStatus } from '../../shared/memory-answers.js';
import { request } from '../app/api.js';

export type { Hit, MemoryMatch, UnitStatus };

export interface ConcordanceUnit {
  id: string;
  source: string;
  target: string;
  status: UnitStatus;
  confirmedBy: string | null;
  confirmedAt: number;
  hits: { source: Hit[]; target: Hit[] };
}

export type MemoryApi = ReturnType<typeof memoryApi>;

export function memoryApi(docId: string, token: Promise<string>) {
  const get = async <T,>(path: string, signal: AbortSignal): Promise<T> => (await request(await token, path, { signal })).json() as Promise<T>;
  return {
    matches: (segmentId: string, signal: AbortSignal) =>
      get<{ matches: MemoryMatch[] }>(`/api/documents/${encodeURIComponent(docId)}/segments/${encodeURIComponent(segmentId)}/matches`, signal).then((r) => r.matches),
    search: (q: string, sourceLang: string, targetLang: string, signal: AbortSignal) =>
      get<{ units: ConcordanceUnit[] }>(`/api/tm/search?${new URLSearchParams({ q, sourceLang, targetLang })}`, signal).then((r) => r.units),
  };
}
