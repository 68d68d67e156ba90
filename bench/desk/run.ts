// The desk bench (`npm run bench`, or BENCH_ONLY=desk): the Tandem desk in headless Chromium against
// its floor, a bare Lexical page (CollaborationPlugin, the same nodes, provider, server and article,
// nothing else), in the same run. Rounds interleave desk and bare (alternating which goes first);
// the table shows medians over rounds. A report, not a test: it asserts nothing about timing.
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { median, p95 } from '../stats.js';
import { settle, withTimeout } from '../wait.js';
import { Failures, finish, loads, log, machine, printWarnings, QUICK, rotated, version, warningsOf } from '../harness.js';
import { benchArticle } from './article.js';
import { startBarePage, type BarePage } from './bare-page.js';
import { KINDS, launchChromium, type PageKind } from './browser.js';
import type { DeskContext } from './context.js';
import { ensureDeskBuilt } from './desk-build.js';
import { deskRow, printDeskTable, type DeskRow } from './report.js';
import { startTandem, type DeskServer } from './tandem.js';
import { runKeystrokes, type KeystrokeResult } from './scenarios/keystroke.js';
import { runEditorToEditor, type EditorToEditorResult } from './scenarios/editor-to-editor.js';
import { runFirstPaint, type FirstPaintSample } from './scenarios/first-paint.js';

const config = {
  rounds: QUICK ? 1 : 3,
  words: 10_000,
  keystroke: { keys: QUICK ? 40 : 200, warmup: 10, pauseMs: 30 },
  typists: 3,
  // 100 markers: with 40, the p95 was the second-slowest sample and moved by a third between runs.
  editorToEditor: { samples: QUICK ? 10 : 100, warmup: 3, keyPauseMs: 30, pauseMs: 150 },
  /** Page loads per kind and round: 24 per kind in all, so the p95 is not just the slowest load or two. */
  paintLoads: QUICK ? 1 : 8,
  /** The whole desk bench is abandoned after this long. */
  deadlineMs: (QUICK ? 10 : 40) * 60_000,
};

/** Each result carries the round it was measured in, so desk and bare of one round can be compared. */
type PerKind<T> = Record<PageKind, Array<T & { round: number }>>;
const perKind = <T>(): PerKind<T> => ({ desk: [], bare: [] });
const order = (round: number): PageKind[] => rotated(round, KINDS);
const ms = (v: number) => `${v.toFixed(1)} ms`;

const failures = new Failures();
const attempt = <T>(scenario: string, kind: PageKind, round: number, run: () => Promise<T>) => failures.attempt(scenario, kind, round, run);

async function measure(ctx: DeskContext) {
  const keystroke = perKind<KeystrokeResult>();
  const typing = perKind<KeystrokeResult>();
  const e2e = perKind<EditorToEditorResult>();
  const paint = perKind<FirstPaintSample>();
  const keyLine = (r: KeystrokeResult) =>
    `median ${ms(r.medianMs)}, p95 ${ms(r.p95Ms)} (${r.samples} keys${r.missed ? `, ${r.missed} missed` : ''}; ` +
    `parts: wait ${ms(r.parts.inputDelayMs)}, handle ${ms(r.parts.handlingMs)}, to frame ${ms(r.parts.untilFrameMs)}, render ${ms(r.parts.renderMs)}` +
    `${r.otherKeystrokes ? `; others typed ${r.otherKeystrokes}` : ''})`;

  log('warming up (not measured): a load and a few keystrokes on each page');
  for (const kind of KINDS) {
    await attempt('warm-up', kind, 0, () => runFirstPaint(ctx, kind));
    await attempt('warm-up', kind, 0, () => runKeystrokes(ctx, kind, { ...config.keystroke, keys: 10, typists: 0 }));
  }

  log(`1. keystroke to next frame, alone: ${config.keystroke.keys} keys (+${config.keystroke.warmup} not counted), one every ~${config.keystroke.pauseMs} ms after the last frame`);
  for (let round = 0; round < config.rounds; round++) {
    for (const kind of order(round)) {
      await settle(500);
      const r = await attempt('keystroke', kind, round, () => runKeystrokes(ctx, kind, { ...config.keystroke, typists: 0 }));
      if (r) {
        keystroke[kind].push({ ...r, round });
        log(`  round ${round + 1} ${kind.padEnd(4)} ${keyLine(r)}`);
      }
    }
  }
  log(`2. keystroke to next frame with ${config.typists} other editors typing (~5 keys/s each, nearby segments)`);
  for (let round = 0; round < config.rounds; round++) {
    for (const kind of order(round)) {
      await settle(500);
      const r = await attempt('keystroke+typists', kind, round, () => runKeystrokes(ctx, kind, { ...config.keystroke, typists: config.typists }));
      if (r) {
        typing[kind].push({ ...r, round });
        log(`  round ${round + 1} ${kind.padEnd(4)} ${keyLine(r)}`);
      }
    }
  }
  log(`3. editor to editor: ${config.editorToEditor.samples} markers (+${config.editorToEditor.warmup}) typed on page A, seen on page B`);
  for (let round = 0; round < config.rounds; round++) {
    for (const kind of order(round)) {
      await settle(500);
      const r = await attempt('editor-to-editor', kind, round, () => runEditorToEditor(ctx, kind, config.editorToEditor));
      if (r) {
        e2e[kind].push({ ...r, round });
        log(`  round ${round + 1} ${kind.padEnd(4)} median ${ms(r.medianMs)}, p95 ${ms(r.p95Ms)}, B painted ${ms(r.paintedMedianMs)} (${r.samples} samples${r.missed ? `, ${r.missed} missed` : ''}; clock skew ${r.clockSkewMs.toFixed(2)} ms)`);
      }
    }
  }
  log(`4. first editable paint: ${config.paintLoads} load(s) per page and round, each in a new browser context on a new document`);
  // Loads alternate between the pages (each going first in turn), so a slower or quieter spell of
  // the machine falls on both alike.
  for (let round = 0; round < config.rounds; round++) {
    for (let load = 0; load < config.paintLoads; load++) {
      for (const kind of order(round + load)) {
        await settle(300);
        const r = await attempt('first paint', kind, round, () => runFirstPaint(ctx, kind));
        if (r) {
          paint[kind].push({ ...r, round });
          log(`  round ${round + 1} ${kind.padEnd(4)} painted ${ms(r.paintMs)} (DOMContentLoaded ${ms(r.domContentLoadedMs)})`);
        }
      }
    }
  }
  return { keystroke, typing, e2e, paint };
}

function summarize(m: Awaited<ReturnType<typeof measure>>): DeskRow[] {
  const typists = `${config.typists} typists`;
  // The value over all rounds for each page, and the lowest and highest ratio of a single round:
  // desk and bare of one round ran minutes apart at most, so the spread shows the machine's noise.
  const row = <T>(metric: string, results: PerKind<T>, pick: (r: T) => number, stat: (v: number[]) => number = median, target: number | null = 1.1) => {
    const value = (list: T[]) => (list.length > 0 ? stat(list.map(pick)) : null);
    const ratios = Array.from({ length: config.rounds }, (_, round) => {
      const [desk, bare] = KINDS.map((kind) => value(results[kind].filter((r) => r.round === round)));
      return desk !== null && bare !== null && bare > 0 ? desk / bare : null;
    }).filter((r): r is number => r !== null && Number.isFinite(r));
    const spread: [number, number] | null = ratios.length > 1 ? [Math.min(...ratios), Math.max(...ratios)] : null;
    return deskRow(metric, 'ms', value(results.desk), value(results.bare), spread, target);
  };
  return [
    row('keystroke → next frame, alone: median', m.keystroke, (r) => r.medianMs),
    row('keystroke → next frame, alone: p95', m.keystroke, (r) => r.p95Ms),
    row(`keystroke → next frame, ${typists}: median`, m.typing, (r) => r.medianMs),
    row(`keystroke → next frame, ${typists}: p95`, m.typing, (r) => r.p95Ms),
    row('editor → editor: median', m.e2e, (r) => r.medianMs),
    row('editor → editor: p95', m.e2e, (r) => r.p95Ms),
    row('editor → editor, B painted: median', m.e2e, (r) => r.paintedMedianMs, median, null),
    row('first editable paint: median', m.paint, (r) => r.paintMs),
    row('first editable paint: p95', m.paint, (r) => r.paintMs, p95),
    row('first paint, DOMContentLoaded: median', m.paint, (r) => r.domContentLoadedMs, median, null),
  ];
}

export async function runDeskBench(): Promise<void> {
  const began = performance.now();
  const article = benchArticle(config.words);
  const meta = machine();
  log(`\nDesk vs bare Lexical ${version('lexical')} in headless Chromium (${meta.cpus} CPUs, load ${loads(meta.loadavgAtStart)})`);
  log(`article: ${article.words.toLocaleString('en-US')} Bengali words in ${article.paragraphs.length} segments, with an English source; ${config.rounds} round(s) per scenario, desk and bare interleaved\n`);
  const deskBuiltAt = await ensureDeskBuilt(log);
  log(`desk: dist/client built ${deskBuiltAt.toISOString()}; building the bare page with Vite`);

  let bare: BarePage | undefined;
  let server: DeskServer | undefined;
  let browser: Browser | undefined;
  const problems: string[] = [];
  let results: Awaited<ReturnType<typeof measure>> | undefined;
  try {
    bare = await startBarePage();
    [server, browser] = await Promise.all([startTandem(bare.origin), launchChromium()]);
    const ctx: DeskContext = { browser, server, bare, article, problems };
    results = await withTimeout(measure(ctx), config.deadlineMs, 'desk bench');
  } finally {
    const browserVersion = browser?.version() ?? 'unknown';
    await browser?.close().catch(() => {});
    await bare?.stop().catch(() => {});
    const serverLog = server?.logLines() ?? [];
    await server?.stop().catch(() => {});
    const warnings = warningsOf(serverLog);
    if (results) report(results, { meta, began, deskBuiltAt, browserVersion, problems, warnings });
  }
}

function report(
  results: Awaited<ReturnType<typeof measure>>,
  run: { meta: ReturnType<typeof machine>; began: number; deskBuiltAt: Date; browserVersion: string; problems: string[]; warnings: string[] },
) {
  const rows = summarize(results);
  log('\nResults (medians over rounds; ratio = desk / bare Lexical, > 1 means the desk is slower; rounds = the lowest and highest');
  log('ratio of a single round, how far the machine\'s noise moves it; target: desk within 1.1x):\n');
  log(printDeskTable(rows));
  log('\nNotes:');
  log('- keystroke → next frame: from the keydown\'s timestamp (when Chromium received the key) to the end of the first frame rendered after');
  log('  the text was inserted (rAF, then a posted task). Latin letters are typed: a typed Bengali character comes without a keydown here.');
  log('  "parts" (per round above): wait = key queued behind other work, handle = keydown until Lexical\'s last update before the frame,');
  log('  to frame = from then until the frame began (idle, or other tasks: React renders, socket messages), render = the frame itself');
  log('  (rAF callbacks, style, layout, ResizeObservers, paint, commit) and the tasks queued before the one it posts (the key\'s keyup and');
  log('  selectionchange handlers, socket messages that came meanwhile). The typed segment is first centered on screen and kept there');
  log('  until the page settles (rows laid out for the first time can move it), so no keystroke has to scroll the caret into view.');
  log('- The three other editors are headless Lexical clients in the bench process (stock y-websocket, awareness cursors) in segments near the caret.');
  log('- editor → editor: A\'s keydown to B\'s MutationObserver seeing the text (same Chromium, separate contexts, via the Tandem server).');
  log('- first paint: navigation start to the first frame showing all segments in an editable root; new context each load (cold cache).');
  log('- The bare page has the desk\'s Bengali font and column width, so both lay out the same text alike; the desk also shows the source');
  log('  column, header, toolbar and presence, and opens a second (review) room.');
  const missedKeys = [...Object.values(results.keystroke), ...Object.values(results.typing)].flat().reduce((n, r) => n + r.missed, 0);
  const missedMarkers = Object.values(results.e2e).flat().reduce((n, r) => n + r.missed, 0);
  if (run.problems.length > 0 || failures.list.length > 0 || missedKeys > 0 || missedMarkers > 0) {
    log(`\nPROBLEMS: ${run.problems.length} page error(s) or unexpected event(s), ${failures.list.length} failed run(s),`);
    log(`${missedKeys} keystroke(s) without a frame within 2 s, ${missedMarkers} marker(s) not seen by page B within 5 s:`);
    for (const p of run.problems.slice(0, 20)) log(`  - ${p}`);
    for (const line of failures.lines()) log(line);
  } else {
    log('\nNo page error, missed keystroke or failed run during the desk bench.');
  }
  printWarnings(run.warnings);
  finish(fileURLToPath(new URL('../results/desk-latest.json', import.meta.url)), run.began, (end) => ({
    meta: {
      ...run.meta,
      chromium: run.browserVersion,
      lexical: version('lexical'),
      yjs: version('yjs'),
      deskBuiltAt: run.deskBuiltAt.toISOString(),
      ...end,
    },
    config,
    summary: rows,
    rounds: results,
    problems: run.problems,
    failures: failures.list,
    tandemWarnings: run.warnings,
  }));
}
