// Turns per-round results into the printed table and bench/results/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Row {
  scenario: string;
  metric: string;
  unit: string;
  tandem: number | null;
  reference: number | null;
  /** Always "how many times worse Tandem is": > 1 means Tandem is slower (or uses more). */
  ratio: number | null;
  /** How the ratio is formed: T/R for times and memory, R/T for rates (higher is better). */
  ratioOf: 'tandem/reference' | 'reference/tandem';
}

export function row(
  scenario: string,
  metric: string,
  unit: string,
  tandem: number | null,
  reference: number | null,
  higherIsBetter = false,
): Row {
  const valid = (v: number | null): v is number => v !== null && Number.isFinite(v) && v > 0;
  const ratio = valid(tandem) && valid(reference) ? (higherIsBetter ? reference / tandem : tandem / reference) : null;
  return {
    scenario,
    metric,
    unit,
    tandem,
    reference,
    ratio,
    ratioOf: higherIsBetter ? 'reference/tandem' : 'tandem/reference',
  };
}

function format(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function printTable(rows: Row[]): string {
  const header = ['scenario', 'metric', 'Tandem', 'reference', 'ratio'];
  const body = rows.map((r) => [
    r.scenario,
    `${r.metric} (${r.unit})`,
    format(r.tandem),
    format(r.reference),
    r.ratio === null ? 'n/a' : `${r.ratio.toFixed(2)}x${r.ratioOf === 'reference/tandem' ? ' (R/T)' : ''}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i >= 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function writeJson(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(data, null, 2) + '\n');
}
