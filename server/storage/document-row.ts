// A document's record as both stores keep it: a row of the documents table, in snake_case columns.
import type { DocumentPatch, DocumentRecord } from './store.js';

export interface DocumentRow {
  id: string;
  title: string;
  source_lang: string;
  target_lang: string;
  created_at: number;
  updated_at: number;
  segment_count: number;
  token_generation: number;
}

/** The column each patchable field is stored in. */
export const PATCH_COLUMNS: Record<keyof DocumentPatch, string> = {
  title: 'title',
  updatedAt: 'updated_at',
  segmentCount: 'segment_count',
  tokenGeneration: 'token_generation',
};

/** The patch's fields that are set, in a fixed order. */
export function patchedKeys(patch: DocumentPatch): (keyof DocumentPatch)[] {
  return (Object.keys(PATCH_COLUMNS) as (keyof DocumentPatch)[]).filter((key) => patch[key] !== undefined);
}

export function fromRow(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    title: row.title,
    sourceLang: row.source_lang,
    targetLang: row.target_lang,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    segmentCount: row.segment_count,
    tokenGeneration: row.token_generation,
  };
}
