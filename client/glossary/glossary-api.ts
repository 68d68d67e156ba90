// The glossary endpoints (SPEC 13): a document's (`/api/documents/:id/glossary`) and the
// workspace's (`/api/glossary`, admin), as JSON or CSV.
import type { GlossaryEntry } from '../../shared/qa/index.js';
import { request } from '../app/api.js';
import { fileNameOf, saveBlob } from '../app/download.js';

export interface GlossaryAnswer {
  entries: GlossaryEntry[];
  workspace?: GlossaryEntry[];
}

export const documentGlossaryPath = (docId: string) => `/api/documents/${docId}/glossary`;
export const WORKSPACE_GLOSSARY_PATH = '/api/glossary';

export async function readGlossary(path: string, token: string): Promise<GlossaryAnswer> {
  return (await request(token, path)).json() as Promise<GlossaryAnswer>;
}

/** Replaces the glossary with entries, or with a CSV file's rows; answers what was stored. */
export async function replaceGlossary(path: string, token: string, body: GlossaryEntry[] | { csv: string }): Promise<GlossaryEntry[]> {
  const csv = !Array.isArray(body);
  const response = await request(token, path, {
    method: 'PUT',
    headers: { 'content-type': csv ? 'text/csv' : 'application/json' },
    body: csv ? body.csv : JSON.stringify({ entries: body }),
  });
  return ((await response.json()) as GlossaryAnswer).entries;
}

export async function downloadGlossaryCsv(path: string, token: string, fallbackName: string): Promise<void> {
  const response = await request(token, `${path}?format=csv`);
  saveBlob(await response.blob(), fileNameOf(response.headers.get('content-disposition'), fallbackName));
}
