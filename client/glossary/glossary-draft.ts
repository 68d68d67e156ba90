// A glossary being edited: rows of plain strings (forbidden variants comma-separated), turned back
// into entries for the API. Blank rows are dropped; a row with only one side is a problem.
import type { GlossaryEntry } from '../../shared/qa/index.js';

export interface DraftRow {
  key: number;
  source: string;
  target: string;
  forbidden: string;
  note: string;
  caseSensitive: boolean;
}

let nextKey = 1;

export function emptyRow(): DraftRow {
  return { key: nextKey++, source: '', target: '', forbidden: '', note: '', caseSensitive: false };
}

export function toRows(entries: readonly GlossaryEntry[]): DraftRow[] {
  return entries.map((e) => ({
    key: nextKey++,
    source: e.source,
    target: e.target,
    forbidden: (e.forbidden ?? []).join(', '),
    note: e.note ?? '',
    caseSensitive: e.caseSensitive === true,
  }));
}

export const splitVariants = (text: string) => text.split(/[|,]/).map((v) => v.trim()).filter(Boolean);

export function isBlank(row: DraftRow): boolean {
  return !row.source.trim() && !row.target.trim() && !row.forbidden.trim() && !row.note.trim();
}

export function isIncomplete(row: DraftRow): boolean {
  return !isBlank(row) && (!row.source.trim() || !row.target.trim());
}

export function toEntries(rows: readonly DraftRow[]): GlossaryEntry[] {
  return rows
    .filter((row) => !isBlank(row) && !isIncomplete(row))
    .map((row) => {
      const forbidden = splitVariants(row.forbidden);
      return {
        source: row.source.trim(),
        target: row.target.trim(),
        ...(forbidden.length > 0 ? { forbidden } : {}),
        ...(row.note.trim() ? { note: row.note.trim() } : {}),
        ...(row.caseSensitive ? { caseSensitive: true } : {}),
      };
    });
}

/** Same terms, compared as the API stores them. */
export function sameEntries(a: readonly GlossaryEntry[], b: readonly GlossaryEntry[]): boolean {
  const norm = (list: readonly GlossaryEntry[]) =>
    JSON.stringify(list.map((e) => [e.source, e.target, e.forbidden ?? [], e.note ?? '', e.caseSensitive === true]));
  return norm(a) === norm(b);
}

export function matches(row: DraftRow, query: string): boolean {
  const q = query.trim().toLocaleLowerCase();
  return !q || [row.source, row.target, row.forbidden, row.note].some((field) => field.toLocaleLowerCase().includes(q));
}
