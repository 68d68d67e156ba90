// The HTTP API, typed. Every call carries a bearer token; errors become ApiError with the server's
// code and message.
import type { ExportFormat, Role, SegmentState } from '../../shared/schema.js';

import { ApiError } from '../../shared/api-error.js';

export { ApiError };

async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check the connection and try again.');
  }
  const text = await response.text();
  const json = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(response.status, error?.code ?? 'error', error?.message ?? `HTTP ${response.status}`);
  }
  return json as T;
}

export interface ArticleSummary {
  id: string;
  title: string;
  sourceLang: string;
  targetLang: string;
  updatedAt: number;
  segmentCount: number;
}

export interface ArticleDetail {
  id: string;
  title: string;
  sourceLang: string;
  targetLang: string;
  role: Role | 'admin';
  segments: Array<{ id: string; index: number; source: string | null; target: string; status: SegmentState }>;
}

export interface NewArticle {
  title?: string;
  sourceLang: string;
  targetLang: string;
  format: 'text' | 'markdown';
  source?: string;
  target?: string;
}

export type RoleLinks = Record<Role, string>;

export const api = {
  list: (token: string) => call<{ documents: ArticleSummary[] }>(token, 'GET', '/api/documents'),
  get: (token: string, id: string) => call<ArticleDetail>(token, 'GET', `/api/documents/${id}`),
  create: (token: string, article: NewArticle) =>
    call<{ id: string; title: string; tokens: Record<Role, string>; links: RoleLinks }>(token, 'POST', '/api/documents', article),
  remove: (token: string, id: string) => call<{ id: string }>(token, 'DELETE', `/api/documents/${id}`),
  mint: (token: string, id: string, role: Role) =>
    call<{ token: string; link: string }>(token, 'POST', `/api/documents/${id}/tokens`, { role }),
};

export function exportHref(docId: string, format: ExportFormat, token: string): string {
  return `/api/documents/${docId}/export?format=${format}&token=${encodeURIComponent(token)}`;
}
