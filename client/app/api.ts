// The HTTP API, typed. Every call carries a bearer token; errors become ApiError with the server's
// code and message.
import type { ExportFormat, Role, SegmentState } from '../../shared/schema.js';

import { ApiError } from '../../shared/api-error.js';

export { ApiError };

/** Sends a request with the bearer token; a network failure or an error answer throws ApiError. */
export async function request(token: string, path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check the connection and try again.');
  }
  if (response.ok) return response;
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  throw new ApiError(response.status, body?.error?.code ?? 'error', body?.error?.message ?? `HTTP ${response.status}`);
}

/** A JSON call: the body goes as JSON, the answer comes back parsed. */
export async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const json = body !== undefined;
  const response = await request(token, path, {
    method,
    headers: json ? { 'content-type': 'application/json' } : {},
    body: json ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as T;
}

export interface ArticleSummary {
  id: string;
  title: string;
  sourceLang: string;
  targetLang: string;
  createdAt: number;
  updatedAt: number;
  segmentCount: number;
}

export interface ArticleDetail {
  id: string;
  title: string;
  sourceLang: string;
  targetLang: string;
  role: Role | 'admin';
  segments: Array<{ id: string; index: number; source: string | null; target: string; status: SegmentState; omitted?: boolean }>;
}

export interface NewArticle {
  title?: string;
  /** Required unless an XLIFF file names them. */
  sourceLang?: string;
  targetLang?: string;
  format: 'text' | 'markdown' | 'xliff' | 'docx';
  source?: string;
  target?: string;
  /** The file itself: XLIFF as text, a Word document in base64. */
  content?: string;
  /** Pair the blocks as the aligner proposes, or as given (SPEC 6.6). */
  align?: 'auto' | AlignmentPair[];
  /** Fill empty drafts from the translation memory's 100 % matches (SPEC 18.8). */
  pretranslate?: boolean;
}

/** Source blocks and the draft blocks that translate them, by index (SPEC 6.5). */
export interface AlignmentPair {
  source: number[];
  target: number[];
  confidence?: number;
}

/** POST /api/align: each block's text on both sides and how they pair. */
export interface AlignmentProposal {
  source: string[];
  target: string[];
  pairs: AlignmentPair[];
  lowConfidence: number;
  /** An XLIFF file's own pairs, its units. */
  units?: AlignmentPair[];
}

export type RoleLinks = Record<Role, string>;

/** The article's segments, the units written from its confirmed ones, and how many were new. */
export interface MemoryFill {
  segments: number;
  units: number;
  added: number;
  updated: number;
}

export const api = {
  list: (token: string) => call<{ documents: ArticleSummary[] }>(token, 'GET', '/api/documents'),
  get: (token: string, id: string) => call<ArticleDetail>(token, 'GET', `/api/documents/${id}`),
  create: (token: string, article: NewArticle) =>
    call<{ id: string; title: string; tokens: Record<Role, string>; links: RoleLinks }>(token, 'POST', '/api/documents', article),
  align: (token: string, article: NewArticle) => call<AlignmentProposal>(token, 'POST', '/api/align', article),
  remove: (token: string, id: string) => call<{ id: string }>(token, 'DELETE', `/api/documents/${id}`),
  mint: (token: string, id: string, role: Role) =>
    call<{ token: string; link: string }>(token, 'POST', `/api/documents/${id}/tokens`, { role }),
  /** Every confirmed segment of the article into the translation memory (SPEC 18.32). */
  fillMemory: (token: string, id: string) => call<MemoryFill>(token, 'POST', `/api/documents/${id}/memory`),
};

export function exportHref(docId: string, format: ExportFormat, token: string): string {
  return `/api/documents/${docId}/export?format=${format}&token=${encodeURIComponent(token)}`;
}
