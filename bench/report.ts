// The server bench's table: each metric for Tandem, the reference and the relay, and Tandem's ratios.
import { table } from './harness.js';
import type { ServerKind } from './servers.js';

export type Values = Partial<Record<ServerKind, number | null>>;

export interface Row {
  scenario: string;
  metric: string;
  unit: string;
  tandem: number | null;
  reference: number | null;
  /** The raw relay (the floor), where the scenario runs it. */
  relay: number | null;
  /** Always "how many times worse Tandem is": > 1 means Tandem is slower (or uses more). */
  ratio: number | null;
  /** The same against the relay. */
  ratioToRelay: number | null;
  /** How the ratios are formed: T/R for times and memory, R/T for rates (higher is better). */
  ratioOf: 'tandem/other' | 'other/tandem';
}

export function row(scenario: string, metric: string, unit: string, values: Values, higherIsBetter = false): Row {
  const valid = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v) && v > 0;
  const tandem = values.tandem ?? null;
  const ratio = (other: number | null | undefined) =>
    valid(tandem) && valid(other) ? (higherIsBetter ? other / tandem : tandem / other) : null;
  return {
    scenario,
    metric,
    unit,
    tandem,
    reference: values.reference ?? null,
    relay: values.relay ?? null,
    ratio: ratio(values.reference),
    ratioToRelay: ratio(values.relay),
    ratioOf: higherIsBetter ? 'other/tandem' : 'tandem/other',
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
  const header = ['scenario', 'metric', 'Tandem', 'reference', 'relay', 'T vs ref', 'T vs relay'];
  const ratio = (value: number | null, r: Row) => (value === null ? 'n/a' : `${value.toFixed(2)}x${r.ratioOf === 'other/tandem' ? ' (inv)' : ''}`);
  const body = rows.map((r) => [
    r.scenario,
    `${r.metric} (${r.unit})`,
    format(r.tandem),
    format(r.reference),
    format(r.relay),
    ratio(r.ratio, r),
    ratio(r.ratioToRelay, r),
  ]);
  return table(header, body, (column) => column < 2);
}
