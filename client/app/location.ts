// What the address bar says: which page, which document, which token.
import { DOC_ID_PATTERN } from '../../shared/schema.js';

export type Where =
  | { page: 'home'; token: string | null }
  | { page: 'article'; docId: string; token: string | null }
  | { page: 'unknown' };

export function readLocation(location: { pathname: string; search: string }): Where {
  const token = new URLSearchParams(location.search).get('token');
  if (location.pathname === '/' || location.pathname === '/index.html') return { page: 'home', token };
  const match = /^\/d\/([^/]+)\/?$/.exec(location.pathname);
  if (match && DOC_ID_PATTERN.test(match[1])) return { page: 'article', docId: match[1], token };
  return { page: 'unknown' };
}

export function articleHref(docId: string, token: string): string {
  return `/d/${docId}?token=${encodeURIComponent(token)}`;
}
