// Scenario 13, translation memory lookups (SPEC 18.3; the target: under 50 ms for one
// segment against 100,000 units): a memory of generated units — sentences of 8–24 words drawn
// from the English fixtures' vocabulary, frequent words more often, each with a number — then
// lookups of a stored sentence with one word and its number changed (a fuzzy match to find), and
// concordance searches of a fixture word. Times are the process's CPU time per call, which a busy
// machine does not inflate as it does the wall clock (lookups are synchronous SQLite and scoring).
// On PostgreSQL (the suite runs it too when DATABASE_URL is set: a fresh database on that server,
// dropped after) the index is searched by the server, so the wall clock per call is reported too.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteMemory } from '../../server/memory/sqlite-memory.js';
import { PostgresMemory } from '../../server/memory/postgres-memory.js';
import { openPostgresStore } from '../../server/storage/postgres/store.js';
import type { MemoryStore, TmUnitInput } from '../../server/memory/memory-store.js';
import { median, p95 } from '../stats.js';
import { createBenchDatabase } from '../fresh-database.js';

export interface TmLookupResult {
  units: number;
  buildSeconds: number;
  lookupMedianMs: number;
  lookupP95Ms: number;
  /** Wall-clock time per lookup (on PostgreSQL the server's work is not the process's CPU). */
  lookupWallMedianMs: number;
  lookupWallP95Ms: number;
  /** Lookups whose best match was the unit the query was made from. */
  found: number;
  lookups: number;
  searchMedianMs: number;
}

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8');

/** A small deterministic generator, so every run builds the same memory. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

/** A memory to fill: SQLite in a temporary directory, or PostgreSQL in a fresh database on `postgresUrl`'s server. */
async function openMemory(postgresUrl?: string): Promise<{ memory: MemoryStore; dispose: () => Promise<void> }> {
  if (!postgresUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-tm-'));
    const memory = openSqliteMemory(join(dir, 'tandem.db'));
    return { memory, dispose: async () => { await memory.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const database = await createBenchDatabase(postgresUrl);
  const store = await openPostgresStore({ url: database.url });
  return { memory: new PostgresMemory(store.pool), dispose: async () => { await store.close(); await database.drop(); } };
}

export async function runTmLookup(size: number, lookups: number, postgresUrl?: string): Promise<TmLookupResult> {
  // The fixtures' running text: a word's frequency there is how often it is drawn.
  const words = `${fixture('article.en.txt')} ${fixture('align-erosion.en.txt')}`.toLowerCase().match(/[a-z]+/g)!;
  const next = random(size);
  const pick = () => words[Math.floor(next() * words.length)];
  const sentence = () => {
    const length = 8 + Math.floor(next() * 17);
    const picked = Array.from({ length }, pick);
    picked[Math.floor(next() * length)] = String(Math.floor(next() * 10_000));
    const text = picked.join(' ');
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const { memory, dispose } = await openMemory(postgresUrl);
  try {
    const sources: string[] = [];
    const began = performance.now();
    for (let done = 0; done < size; done += 1000) {
      const batch: TmUnitInput[] = Array.from({ length: Math.min(1000, size - done) }, (_, i) => {
        const source = sentence();
        sources.push(source);
        return {
          source, target: `অনুবাদ ${done + i}`, sourceLang: 'en', targetLang: 'bn', docId: null, segmentId: null,
          status: 'translated', confirmedBy: null, confirmedAt: done + i, context: null,
        };
      });
      await memory.importUnits(batch);
    }
    const buildSeconds = (performance.now() - began) / 1000;
    const cpu = async (call: () => Promise<unknown>) => {
      const start = process.cpuUsage();
      const began = performance.now();
      const result = await call();
      const wall = performance.now() - began;
      const used = process.cpuUsage(start);
      return { ms: (used.user + used.system) / 1000, wall, result };
    };
    const times: number[] = [];
    const walls: number[] = [];
    let found = 0;
    for (let i = 0; i < lookups; i++) {
      const original = sources[Math.floor(next() * sources.length)];
      const query = original.replace(/\d+/, '1').replace(/ [a-z]+ /, ` ${pick()} `);
      const { ms, wall, result } = await cpu(() => memory.lookup(query, 'en', 'bn'));
      times.push(ms);
      walls.push(wall);
      const [best] = result as Array<{ unit: { source: string } }>;
      if (best?.unit.source === original) found++;
    }
    const searches: number[] = [];
    for (let i = 0; i < Math.min(lookups, 20); i++) {
      const word = pick();
      searches.push((await cpu(() => memory.search(word, 'en', 'bn'))).ms);
    }
    return { units: size, buildSeconds, lookupMedianMs: median(times), lookupP95Ms: p95(times), lookupWallMedianMs: median(walls), lookupWallP95Ms: p95(walls), found, lookups, searchMedianMs: median(searches) };
  } finally {
    await dispose();
  }
}
