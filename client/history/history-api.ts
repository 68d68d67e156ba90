// The history routes of the HTTP API (SPEC 16), called with this person's own token, so a named
// version carries their name as its author.
import type { DiffOp } from '../../shared/diff/words.js';
import { call } from '../app/api.js';

export interface Version {
  id: string;
  name: string;
  createdAt: number;
  author: string | null;
  auto: boolean;
}

export interface SegmentDiff {
  id: string;
  index: number;
  changed: boolean;
  ops: DiffOp[];
}

/** A segment's text at a version where it changed, and who last changed it by then (SPEC 16.15). */
export interface SegmentVersion {
  version: Version;
  text: string | null;
  changedBy: string | null;
  changedAt: number | null;
}

export type HistoryApi = ReturnType<typeof historyApi>;

/** `token` answers this person's own token (review/personal-token.ts); every call waits for it. */
export function historyApi(docId: string, token: () => Promise<string>) {
  const base = `/api/documents/${encodeURIComponent(docId)}`;
  const send = async <T,>(method: string, path: string, body?: unknown) => call<T>(await token(), method, path, body);
  const vid = (id: string) => `${base}/versions/${encodeURIComponent(id)}`;
  return {
    list: () => send<{ versions: Version[] }>('GET', `${base}/versions`).then((r) => r.versions),
    save: (name: string) => send<Version>('POST', `${base}/versions`, { name }),
    remove: (id: string) => send<{ id: string }>('DELETE', vid(id)),
    /** The whole article, or with `segmentId` that segment only (SPEC 16.5). */
    restore: (id: string, segmentId?: string) =>
      send<{ restored: Version; before: Version }>('POST', `${vid(id)}/restore`, segmentId ? { segmentId } : {}),
    /** Every segment, `from` against `to` (a version id or "current"). */
    diff: (from: string, to: string) =>
      send<{ segments: SegmentDiff[] }>('GET', `${base}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`).then((r) => r.segments),
    /** The comparison as a file: HTML with <ins> and <del>, or Word with tracked changes (SPEC 16.4). */
    fileHref: (from: string, to: string, format: 'html' | 'docx', own: string) =>
      `${base}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&format=${format}&token=${encodeURIComponent(own)}`,
    segment: (segmentId: string) =>
      send<{ versions: SegmentVersion[] }>('GET', `${base}/segments/${encodeURIComponent(segmentId)}/history`).then((r) => r.versions),
  };
}
