// Fetches an export and reads what it announces is unresolved (SPEC 12.4), so the page can warn
// before saving the file.
import type { ExportFormat } from '../../shared/schema.js';
import { request } from '../app/api.js';
import { fileNameOf } from '../app/download.js';

export interface Unresolved {
  suggestions: number;
  threads: number;
  qaErrors: number;
}

export interface FetchedExport {
  blob: Blob;
  name: string;
  format: ExportFormat;
  unresolved: Unresolved;
}

const count = (headers: Headers, name: string) => Number(headers.get(name) ?? 0) || 0;

export async function fetchExport(docId: string, format: ExportFormat, token: string): Promise<FetchedExport> {
  const response = await request(token, `/api/documents/${docId}/export?format=${format}`);
  return {
    blob: await response.blob(),
    name: fileNameOf(response.headers.get('content-disposition'), `article.${format}`),
    format,
    unresolved: {
      suggestions: count(response.headers, 'x-tandem-open-suggestions'),
      threads: count(response.headers, 'x-tandem-open-threads'),
      qaErrors: count(response.headers, 'x-tandem-qa-errors'),
    },
  };
}

export const hasUnresolved = (u: Unresolved) => u.suggestions + u.threads + u.qaErrors > 0;

/** "2 open suggestions, 1 open thread, 3 QA errors" (only what is not zero). */
export function unresolvedText(u: Unresolved): string {
  const part = (n: number, one: string, many: string) => (n > 0 ? `${n} ${n === 1 ? one : many}` : null);
  return [part(u.suggestions, 'open suggestion', 'open suggestions'), part(u.threads, 'open thread', 'open threads'), part(u.qaErrors, 'QA error', 'QA errors')]
    .filter(Boolean)
    .join(', ');
}
