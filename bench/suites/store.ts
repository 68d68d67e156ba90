// The store check's cost on a store of many documents (Tandem only: the others keep no store).
import { row, type Row } from '../report.js';
import { config, log, wanted } from '../rounds.js';
import { runStoreCheck, type StoreCheckResult } from '../scenarios/store-check.js';

export async function storeSuite(): Promise<{ rows: Row[]; rounds: object }> {
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
