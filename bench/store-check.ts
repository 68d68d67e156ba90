// How long `tandem check` takes on a store of DOCS documents (300 by default), each the test article
// with EDITS keystrokes stored after it (200), half of them compacted: bench/scenarios/store-check.ts
// on its own (`npm run bench` runs it too). A report, not a test: `node --import tsx bench/store-check.ts`.
import { runStoreCheck } from './scenarios/store-check.js';

const r = await runStoreCheck(Number(process.env.DOCS ?? 300), Number(process.env.EDITS ?? 200));
console.log(`${r.docs} documents, ${r.edits} stored keystrokes each (half compacted), ${r.megabytes.toFixed(1)} MB`);
console.log(`quick check (at start): ${r.quickMs.toFixed(0)} ms`);
console.log(`full check (tandem check): ${r.fullMs.toFixed(0)} ms`);
