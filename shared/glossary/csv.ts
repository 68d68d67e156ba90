// Glossary CSV (RFC 4180, SPEC 13.3): columns source, target, forbidden (variants separated by "|"),
// note and caseSensitive. Written as Excel reads it: UTF-8 with a byte order mark (without one,
// Excel takes the file for the local code page and Bengali comes out garbled), CRLF line ends, a
// header row, formulas guarded (formula-guard.ts). Read by csv-parse: a BOM, LF or CR line ends,
// blank lines and a missing header are all fine; with a header, its names place the columns.
import { parse } from 'csv-parse/sync';
import type { GlossaryEntry } from '../qa/glossary-entry.js';
import { guardFormula, unguardFormula } from './formula-guard.js';

const COLUMNS = ['source', 'target', 'forbidden', 'note', 'caseSensitive'] as const;
type Column = (typeof COLUMNS)[number];

/** Forbidden variants in one cell: "|" between them, "\|" and "\\" for a bar and a backslash in one. */
const joinVariants = (variants: readonly string[]) => variants.map((v) => v.replace(/[\\|]/g, '\\$&')).join('|');

function splitVariants(cell: string): string[] {
  const variants: string[] = [];
  let variant = '';
  for (let i = 0; i < cell.length; i++) {
    if (cell[i] === '\\' && (cell[i + 1] === '|' || cell[i + 1] === '\\')) variant += cell[++i];
    else if (cell[i] === '|') variants.push(variant), (variant = '');
    else variant += cell[i];
  }
  return [...variants, variant].map((v) => v.trim()).filter(Boolean);
}

const YES = ['true', 'yes', '1'];
const NO = ['false', 'no', '0'];

function caseSensitiveOf(cell: string, line: number): boolean | undefined {
  const value = cell.toLowerCase();
  if (value === '') return undefined;
  if (YES.includes(value)) return true;
  if (NO.includes(value)) return false;
  throw new Error(`line ${line}: caseSensitive is true, false or empty, not "${cell}"`);
}

/** Which column each name is in: the header's order, or COLUMNS' when the file has no header. */
function columnsOf(first: string[]): { columns: Map<Column, number>; header: boolean } {
  const names = first.map((cell) => cell.toLowerCase());
  const header = names.includes('source') && names.includes('target');
  const order = header ? names : COLUMNS.map((c) => c.toLowerCase());
  return { header, columns: new Map(COLUMNS.map((c) => [c, order.indexOf(c.toLowerCase())])) };
}

export function parseGlossaryCsv(text: string): GlossaryEntry[] {
  // With `info`, each row is its record and the line it ends on (csv-parse's types do not say so).
  const rows = parse(text, {
    bom: true,
    info: true,
    trim: true, // around unquoted cells only: a quoted one is kept as written
    relax_quotes: true, // 5" screen: a quote inside an unquoted cell is text
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    record_delimiter: ['\r\n', '\n', '\r'],
  }) as unknown as { record: string[]; info: { lines: number } }[];
  if (rows.length === 0) return [];
  const { columns, header } = columnsOf(rows[0].record);
  return rows.slice(header ? 1 : 0).map(({ record, info }) => {
    const cell = (column: Column) => unguardFormula(record[columns.get(column)!] ?? '');
    const source = cell('source').trim();
    const target = cell('target').trim();
    if (!source || !target) throw new Error(`line ${info.lines}: source and target are required`);
    const forbidden = splitVariants(cell('forbidden'));
    const note = cell('note');
    const caseSensitive = caseSensitiveOf(cell('caseSensitive'), info.lines);
    return {
      source,
      target,
      ...(forbidden.length > 0 ? { forbidden } : {}),
      ...(note ? { note } : {}),
      ...(caseSensitive !== undefined ? { caseSensitive } : {}),
    };
  });
}

/** Quoted when it holds a quote, a comma or a line end, or starts or ends with white space (which a reader may trim). */
const quote = (cell: string) => (/[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

export function writeGlossaryCsv(entries: readonly GlossaryEntry[]): string {
  const rows = entries.map((e) => [e.source, e.target, joinVariants(e.forbidden ?? []), e.note ?? '', e.caseSensitive === undefined ? '' : String(e.caseSensitive)]);
  return '\uFEFF' + [[...COLUMNS], ...rows].map((row) => row.map((cell) => quote(guardFormula(cell))).join(',')).join('\r\n') + '\r\n';
}
