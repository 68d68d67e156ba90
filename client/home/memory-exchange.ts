// The translation memory's admin endpoints (SPEC 18.30, 18.7, 18.31): each pair's size, importing a
// TMX or XLIFF file, and exporting a pair as TMX.
import { call, request } from '../app/api.js';
import { fileNameOf, saveBlob } from '../app/download.js';

export interface MemoryPair {
  sourceLang: string;
  targetLang: string;
  units: number;
  lastConfirmedAt: number;
}

export interface MemoryImport {
  units: number;
  added: number;
  updated: number;
  skipped: number;
}

export const memoryPairs = async (token: string) => (await call<{ pairs: MemoryPair[] }>(token, 'GET', '/api/tm/stats')).pairs;

/** The file goes as it is: the server tells TMX from XLIFF by its content. */
export async function importMemoryFile(token: string, text: string): Promise<MemoryImport> {
  const response = await request(token, '/api/tm/import', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: text });
  return (await response.json()) as MemoryImport;
}

export async function downloadMemoryTmx(token: string, { sourceLang, targetLang }: Pick<MemoryPair, 'sourceLang' | 'targetLang'>): Promise<void> {
  const response = await request(token, `/api/tm/export?${new URLSearchParams({ format: 'tmx', sourceLang, targetLang })}`);
  saveBlob(await response.blob(), fileNameOf(response.headers.get('content-disposition'), `memory-${sourceLang}-${targetLang}.tmx`));
}
