// The review routes of the HTTP API (SPEC 11: segment structure and omitted segments included), and those of the article's QA profile and ignored
// issues (SPEC 14.15, 14.16) and its repetitions (SPEC 18.20, 18.22), called with this person's own token.
import type { SegmentState } from '../../shared/schema.js';
import type { IgnoredIssue, Occurrence, QaProfile } from '../../shared/qa/profile.js';
import type { Comment, Suggestion, Thread } from '../../shared/review/types.js';
import { call } from '../app/api.js';

export interface TextTarget {
  segmentId: string;
  /** Omitted for a comment on the whole segment. */
  start?: number;
  end?: number;
}

export type ReviewApi = ReturnType<typeof reviewApi>;

/** `token` answers this person's own token (personal-token.ts); every call waits for it. */
export function reviewApi(docId: string, token: () => Promise<string>) {
  const base = `/api/documents/${encodeURIComponent(docId)}`;
  const send = async <T,>(method: string, path: string, body?: unknown) => call<T>(await token(), method, path, body);
  const sid = (id: string) => `${base}/suggestions/${encodeURIComponent(id)}`;
  const cid = (id: string) => `${base}/comments/${encodeURIComponent(id)}`;
  return {
    suggest: (target: TextTarget, text: string, note?: string) =>
      send<Suggestion>('POST', `${base}/suggestions`, { ...target, text, ...(note ? { note } : {}) }),
    editSuggestion: (id: string, patch: { text?: string; note?: string }) => send<Suggestion>('PATCH', sid(id), patch),
    accept: (id: string) => send<Suggestion>('POST', `${sid(id)}/accept`),
    reject: (id: string) => send<Suggestion>('POST', `${sid(id)}/reject`),
    withdraw: (id: string) => send<Suggestion>('POST', `${sid(id)}/withdraw`),
    acceptAll: (segmentId?: string) =>
      send<{ accepted: Suggestion[]; stale: Suggestion[] }>('POST', `${base}/suggestions/accept-all`, segmentId ? { segmentId } : {}),
    rejectAll: (segmentId?: string) => send<{ rejected: Suggestion[] }>('POST', `${base}/suggestions/reject-all`, segmentId ? { segmentId } : {}),
    comment: (target: TextTarget, text: string) => send<Thread>('POST', `${base}/comments`, { ...target, text }),
    reply: (id: string, text: string) => send<Comment>('POST', `${cid(id)}/replies`, { text }),
    resolve: (id: string) => send<Thread>('POST', `${cid(id)}/resolve`),
    reopen: (id: string) => send<Thread>('POST', `${cid(id)}/reopen`),
    setStatus: (segmentId: string, status: SegmentState) =>
      send<{ segmentId: string }>('PUT', `${base}/segments/${encodeURIComponent(segmentId)}/status`, { status }),
    setOmitted: (segmentId: string, omitted: boolean) =>
      send<{ segmentId: string; omitted: boolean }>('PUT', `${base}/segments/${encodeURIComponent(segmentId)}/omitted`, { omitted }),
    split: (segmentId: string, at: number, sourceAt?: number) =>
      send<{ segments: Array<{ id: string }> }>('POST', `${base}/segments/${encodeURIComponent(segmentId)}/split`, { at, ...(sourceAt === undefined ? {} : { sourceAt }) }),
    merge: (segmentId: string) => send<{ retired: string }>('POST', `${base}/segments/${encodeURIComponent(segmentId)}/merge`),
    propagate: (segmentId: string) => send<{ segmentId: string; filled: string[] }>('POST', `${base}/segments/${encodeURIComponent(segmentId)}/propagate`),
    setPropagation: (on: boolean) => send<{ propagateRepetitions: boolean }>('PATCH', base, { propagateRepetitions: on }),
    setQaProfile: (checks: QaProfile) => send<{ checks: QaProfile }>('PUT', `${base}/qa/profile`, { checks }),
    ignoreIssue: (occurrence: Occurrence) => send<IgnoredIssue>('POST', `${base}/qa/ignored`, occurrence),
    unignoreIssue: (id: string) => send<{ id: string }>('DELETE', `${base}/qa/ignored/${encodeURIComponent(id)}`),
  };
}
