// The desk bench's table: each metric for the desk and for bare Lexical, their ratio (desk / bare;
// > 1 means the desk is slower), the lowest and highest ratio of a single round and, where the
// issue sets one, the 1.1× target.
import { table } from '../harness.js';

export interface DeskRow {
  metric: string;
  unit: string;
  desk: number | null;
  bare: number | null;
  ratio: number | null;
  /** The lowest and highest ratio of a single round (null with fewer than two rounds). */
  rounds: [number, number] | null;
  /** The ratio the desk should stay within, or null for rows shown for information. */
  target: number | null;
  met: boolean | null;
}

export function deskRow(
  metric: string,
  unit: string,
  desk: number | null,
  bare: number | null,
  rounds: [number, number] | null,
  target: number | null = 1.1,
): DeskRow {
  const valid = (v: number | null): v is number => v !== null && Number.isFinite(v) && v > 0;
  const ratio = valid(desk) && valid(bare) ? desk / bare : null;
  return { metric, unit, desk, bare, ratio, rounds, target, met: target === null || ratio === null ? null : ratio <= target };
}

const format = (v: number | null) => (v === null || !Number.isFinite(v) ? 'n/a' : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1));

export function printDeskTable(rows: DeskRow[]): string {
  const header = ['metric', 'desk', 'bare', 'ratio', 'rounds', 'target'];
  const body = rows.map((r) => [
    `${r.metric} (${r.unit})`,
    format(r.desk),
    format(r.bare),
    r.ratio === null ? 'n/a' : `${r.ratio.toFixed(2)}x`,
    r.rounds === null ? '' : `${r.rounds[0].toFixed(2)}–${r.rounds[1].toFixed(2)}x`,
    r.target === null ? '' : `<= ${r.target}x ${r.met === null ? '?' : r.met ? '✓' : '✗'}`,
  ]);
  return table(header, body, (column) => column === 0 || column === 5);
}
