// The store check's cost on a store of many documents, versions and alignment (Tandem only: the
// others keep no store and align nothing).
import { row, type Row } from '../report.js';
import { config, wanted } from '../rounds.js';
import { log } from '../harness.js';
import { runStoreCheck, type StoreCheckResult } from '../scenarios/store-check.js';
import { runVersions } from '../scenarios/versions.js';
import { runAlign } from '../scenarios/align.js';
import { runTmLookup } from '../scenarios/tm-lookup.js';

export async function storeSuite(): Promise<{ rows: Row[]; rounds: object }> {
  const check = await storeCheck();
  const history = await versions();
  const aligned = align();
  const memory = await tmLookup();
  return {
    rows: [...check.rows, ...history.rows, ...aligned.rows, ...memory.rows],
    rounds: { ...check.rounds, ...history.rounds, ...aligned.rounds, ...memory.rounds },
  };
}

async function tmLookup(): Promise<{ rows: Row[]; rounds: object }> {
  if (!wanted('tm-lookup')) return { rows: [], rounds: {} };
  log('13. translation memory: lookups of one segment (a stored sentence with a word and its number changed) and concordance searches, in memories of generated units');
  const rows: Row[] = [];
  const results = [];
  for (const size of config.tmLookup.sizes) {
    const r = await runTmLookup(size, config.tmLookup.lookups);
    results.push(r);
    log(`  ${size.toLocaleString('en-US')} units (built in ${r.buildSeconds.toFixed(1)} s): lookup ${r.lookupMedianMs.toFixed(1)} ms median, ${r.lookupP95Ms.toFixed(1)} ms p95 of CPU, the original best in ${r.found}/${r.lookups}; concordance ${r.searchMedianMs.toFixed(1)} ms`);
    const name = `13. translation memory (${size.toLocaleString('en-US')} units)`;
    rows.push(row(name, 'lookup, median', 'CPU ms', { tandem: r.lookupMedianMs }), row(name, 'lookup, p95', 'CPU ms', { tandem: r.lookupP95Ms }), row(name, 'concordance, median', 'CPU ms', { tandem: r.searchMedianMs }));
  }
  // On PostgreSQL (BENCH_POSTGRES_URL: a server where a fresh database is made and dropped) the index
  // is searched by the server, so the wall clock per lookup is what tells.
  const postgres = process.env.BENCH_POSTGRES_URL;
  for (const size of postgres ? config.tmLookup.sizes : []) {
    const r = await runTmLookup(size, config.tmLookup.lookups, postgres);
    results.push({ ...r, store: 'postgres' });
    log(`  PostgreSQL, ${size.toLocaleString('en-US')} units (built in ${r.buildSeconds.toFixed(1)} s): lookup ${r.lookupWallMedianMs.toFixed(1)} ms median, ${r.lookupWallP95Ms.toFixed(1)} ms p95 of wall clock (${r.lookupMedianMs.toFixed(1)} ms CPU here), the original best in ${r.found}/${r.lookups}`);
    const name = `13. translation memory on PostgreSQL (${size.toLocaleString('en-US')} units)`;
    rows.push(row(name, 'lookup, median', 'wall ms', { tandem: r.lookupWallMedianMs }), row(name, 'lookup, p95', 'wall ms', { tandem: r.lookupWallP95Ms }));
  }
  return { rows, rounds: { tmLookup: results } };
}

function align(): { rows: Row[]; rounds: object } {
  if (!wanted('align')) return { rows: [], rounds: {} };
  log('12. alignment: a 300-paragraph draft whose paragraphs are merged, split, dropped and added, aligned to its source');
  const r = runAlign(300);
  log(`  ${r.sourceBlocks} source and ${r.targetBlocks} draft paragraphs in ${r.pairs} pairs; first call ${r.firstMs.toFixed(0)} ms of CPU, then ${r.warmMs.toFixed(0)} ms`);
  const name = '12. align (300 paragraphs)';
  return {
    rows: [row(name, 'first call', 'CPU ms', { tandem: r.firstMs }), row(name, 'warm', 'CPU ms', { tandem: r.warmMs })],
    rounds: { align: r },
  };
}

async function versions(): Promise<{ rows: Row[]; rounds: object }> {
  if (!wanted('versions')) return { rows: [], rounds: {} };
  log(`11. versions: a ${config.words.toLocaleString('en-US')}-word article saved as a version, and two versions diffed word by word (a word added in one segment in ten)`);
  const r = await runVersions(config.words);
  log(`  ${r.segments} segments, ${r.versionKilobytes.toFixed(0)} kB a version; save ${r.saveMs.toFixed(1)} ms, diff ${r.diffMs.toFixed(1)} ms (${r.changedSegments} segments changed)`);
  const name = `11. versions (${config.words.toLocaleString('en-US')} words)`;
  return {
    rows: [row(name, 'save a version', 'ms', { tandem: r.saveMs }), row(name, 'diff two versions', 'ms', { tandem: r.diffMs })],
    rounds: { versions: r },
  };
}

async function storeCheck(): Promise<{ rows: Row[]; rounds: object }> {
  if (!wanted('store-check')) return { rows: [], rounds: {} };
  const { docs, edits } = config.storeCheck;
  log(`10. store check: ${docs} documents, each the test article with ${edits} stored keystrokes (half compacted)`);
  const r: StoreCheckResult = await runStoreCheck(docs, edits);
  log(`  ${r.megabytes.toFixed(1)} MB; quick check ${r.quickMs.toFixed(0)} ms, full check ${r.fullMs.toFixed(0)} ms`);
  const name = `10. store check (${docs} documents)`;
  return {
    rows: [row(name, 'quick check (at start)', 'ms', { tandem: r.quickMs }), row(name, 'full check (tandem check)', 'ms', { tandem: r.fullMs })],
    rounds: { storeCheck: r },
  };
}
