// The translation memory's routes the desk reads (SPEC 18.5, 18.6), with this person's own token.
// Each call takes a signal: a newer question aborts the one it makes stale.
import type { DiffOp } from '../../shared/diff/words.js';
import { request } from '../app/api.js';

export type UnitStatus = 'translated' | 'reviewed' | 'approved';

export interface MemoryMatch {
  source: string;
  target: string;
  score: number;
  context: boolean;
  status: UnitStatus;
  confirmedBy: string | null;
  confirmedAt: number;
  docId: string | null;
  /** The word diff that turns the match's source into this segment's. */
  diff: DiffOp[];
}

/** A hit in a unit's text: UTF-16 offsets, whole grapheme clusters. */
export interface Hit {
  start: number;
  end: number;
}

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
