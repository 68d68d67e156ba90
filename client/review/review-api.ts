// The review routes of the HTTP API (SPEC 11), called with this person's own token.
import type { SegmentState } from '../../shared/schema.js';
import type { Comment, Suggestion, Thread } from '../../shared/review/types.js';
import { call } from '../app/api.js';

export interface TextTarget {
  segmentId: string;
  /** Omitted for a comment on the whole segment. */
  start?: number;
  end?: number;
}

export type ReviewApi = ReturnType<typeof reviewApi>;

export function reviewApi(docId: string, token: string) {
  const base = `/api/documents/${encodeURIComponent(docId)}`;
  const sid = (id: string) => `${base}/suggestions/${encodeURIComponent(id)}`;
  const cid = (id: string) => `${base}/comments/${encodeURIComponent(id)}`;
  return {
    suggest: (target: TextTarget, text: string, note?: string) =>
      call<Suggestion>(token, 'POST', `${base}/suggestions`, { ...target, text, ...(note ? { note } : {}) }),
    editSuggestion: (id: string, patch: { text?: string; note?: string }) => call<Suggestion>(token, 'PATCH', sid(id), patch),
    accept: (id: string) => call<Suggestion>(token, 'POST', `${sid(id)}/accept`),
    reject: (id: string) => call<Suggestion>(token, 'POST', `${sid(id)}/reject`),
    withdraw: (id: string) => call<Suggestion>(token, 'POST', `${sid(id)}/withdraw`),
    acceptAll: (segmentId?: string) =>
      call<{ accepted: Suggestion[]; stale: Suggestion[] }>(token, 'POST', `${base}/suggestions/accept-all`, segmentId ? { segmentId } : {}),
    rejectAll: (segmentId?: string) => call<{ rejected: Suggestion[] }>(token, 'POST', `${base}/suggestions/reject-all`, segmentId ? { segmentId } : {}),
    comment: (target: TextTarget, text: string) => call<Thread>(token, 'POST', `${base}/comments`, { ...target, text }),
    reply: (id: string, text: string) => call<Comment>(token, 'POST', `${cid(id)}/replies`, { text }),
    resolve: (id: string) => call<Thread>(token, 'POST', `${cid(id)}/resolve`),
    reopen: (id: string) => call<Thread>(token, 'POST', `${cid(id)}/reopen`),
    setStatus: (segmentId: string, status: SegmentState) =>
      call<{ segmentId: string }>(token, 'PUT', `${base}/segments/${encodeURIComponent(segmentId)}/status`, { status }),
  };
}
