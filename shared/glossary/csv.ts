// Glossary CSV (RFC 4180): columns source, target, forbidden (variants separated by "|"), note.
// A header row is written on export and recognised (and skipped) on import.
export interface CsvGlossaryEntry {
  source: string;
  target: string;
  forbidden?: string[];
  note?: string;
}

const HEADER = ['source', 'target', 'forbidden', 'note'];

function parseRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (quoted) throw new Error('a quoted field is not closed');
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

export function parseGlossaryCsv(text: string): CsvGlossaryEntry[] {
  const rows = parseRows(text.replace(/^\uFEFF/, ''));
  if (rows.length > 0 && rows[0].map((f) => f.trim().toLowerCase()).slice(0, 2).join() === 'source,target') rows.shift();
  return rows.map((fields, i) => {
    const [source = '', target = '', forbidden = '', note = ''] = fields.map((f) => f.trim());
    if (!source || !target) throw new Error(`row ${i + 1}: source and target are required`);
    const variants = forbidden.split('|').map((v) => v.trim()).filter(Boolean);
    return { source, target, ...(variants.length > 0 ? { forbidden: variants } : {}), ...(note ? { note } : {}) };
  });
}

const cell = (value: string) => (/[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function writeGlossaryCsv(entries: readonly CsvGlossaryEntry[]): string {
  const lines = [HEADER, ...entries.map((e) => [e.source, e.target, (e.forbidden ?? []).join('|'), e.note ?? ''])];
  return lines.map((fields) => fields.map(cell).join(',')).join('\r\n') + '\r\n';
}
