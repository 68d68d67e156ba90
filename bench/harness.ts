// What both benches share, the servers' (bench/run.ts) and the desk's (bench/desk/run.ts): which
// parts run (BENCH_ONLY) and how big (BENCH_QUICK), the order of the things compared in a round
// (rotated, so none always goes first), one attempt per measurement (a failure is recorded, never
// retried), the machine described, and the report: tables, failures, Tandem's warnings, the load
// average at the end and the results as JSON.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** BENCH_QUICK=1: a much smaller run, to check that the bench works. */
export const QUICK = process.env.BENCH_QUICK === '1';
/** The server bench's scenarios, in the order they run. */
export const SERVER_SCENARIOS = ['latency', 'throughput', 'storm', 'room-load', 'fanout', 'history-storm', 'cold-load', 'memory', 'churn', 'store-check', 'versions', 'align', 'tm-lookup', 'instances'];
/**
 * BENCH_ONLY=fanout,history-storm runs only the scenarios named; `server` stands for all of the
 * server bench's, `desk` for the desk bench. Everything by default.
 */
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const unknown = ONLY.filter((name) => name !== 'server' && name !== 'desk' && !SERVER_SCENARIOS.includes(name));
if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown scenario ${unknown.join(', ')} (known: server, desk, ${SERVER_SCENARIOS.join(', ')})`);
/** The server bench's scenarios this run measures. */
export const SCENARIOS = ONLY.length === 0 || ONLY.includes('server') ? SERVER_SCENARIOS : ONLY.filter((name) => name !== 'desk');
/** Whether this run measures the desk. */
export const DESK = ONLY.length === 0 || ONLY.includes('desk');

export const log = (message: string) => process.stdout.write(`${message}\n`);
export const loads = (averages: number[]) => averages.map((l) => l.toFixed(2)).join(' ');

/** The things compared in a round's order: rotated each round, so none always goes first. */
export function rotated<K>(round: number, kinds: readonly K[]): K[] {
  const shift = round % kinds.length;
  return [...kinds.slice(shift), ...kinds.slice(0, shift)];
}

export interface Failure {
  scenario: string;
  /** The server or page it ran on. */
  on: string;
  round: number;
  error: string;
}

/** The measurements that failed; each is tried once. */
export class Failures {
  readonly list: Failure[] = [];

  /** Runs one measurement; a failure is recorded and logged, and gives undefined. */
  async attempt<T>(scenario: string, on: string, round: number, run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.list.push({ scenario, on, round, error: message });
      log(`  ! ${scenario} on ${on} (round ${round + 1}) failed: ${message.split('\n')[0]}`);
      return undefined;
    }
  }

  /** The first twenty, one line each. */
  lines(): string[] {
    return this.list.slice(0, 20).map((f) => `  - [${f.scenario}] ${f.on} round ${f.round + 1}: ${f.error}`);
  }
}

/** A package's installed version, from node_modules. */
export function version(pkg: string): string {
  try {
    const path = fileURLToPath(new URL(`../node_modules/${pkg}/package.json`, import.meta.url));
    return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** The machine and the run, as the results' `meta` begins. */
export function machine() {
  return { date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', loadavgAtStart: loadavg(), quick: QUICK };
}

/** A plain-text table: a header, a rule, the rows; `left` columns are padded right, the others left. */
export function table(header: string[], rows: string[][], left: (column: number) => boolean): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((cells) => cells[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (left(i) ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Tandem's log lines at level warn or above (its JSON log). */
export const warningsOf = (lines: string[]) => lines.filter((line) => /"level":(4|5|6)\d/.test(line));

/** Prints Tandem's first warnings, if it logged any. */
export function printWarnings(warnings: string[]): void {
  if (warnings.length === 0) return;
  log(`Tandem logged ${warnings.length} warning(s)/error(s); first ones:`);
  for (const line of warnings.slice(0, 5)) log(`  ${line.slice(0, 300)}`);
}

/**
 * Ends a report: prints the load average now, writes `results(end)` as JSON to `out` (a path under
 * bench/results/) and says so.
 */
export function finish(out: string, began: number, results: (end: { loadavgAtEnd: number[]; seconds: number }) => unknown): void {
  const seconds = (performance.now() - began) / 1000;
  const loadavgAtEnd = loadavg();
  log(`\nLoad average at the end: ${loads(loadavgAtEnd)} on ${cpus().length} CPUs (other work on the machine adds noise).`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(results({ loadavgAtEnd, seconds }), null, 2) + '\n');
  log(`\nWrote ${out} (${seconds.toFixed(0)} s in all)`);
}
