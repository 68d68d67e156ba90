// Editor to editor: two pages of the same kind on one article (separate browser contexts, so they
// talk only through the server). Page A types a unique marker ("zq" and two letters) into the
// middle segment; page B watches that segment with a MutationObserver. A sample runs from A's
// keydown of the marker's last letter to B's seeing the whole marker (and to B's next frame).
// Both pages run in one Chromium; their clocks are compared through Date.now() first.
import { sleep } from '../../wait.js';
import { median, p95 } from '../../stats.js';
import { closeEditor, middleSegment, openReady, seeded, type DeskContext } from '../context.js';
import type { EditorPage, PageKind } from '../browser.js';

export interface EditorToEditorOptions {
  samples: number;
  /** Markers typed first and not counted. */
  warmup: number;
  /** Pause between the letters of a marker. */
  keyPauseMs: number;
  /** Pause after each sample, plus a random 0–50 ms. */
  pauseMs: number;
}

export interface EditorToEditorResult {
  samples: number;
  missed: number;
  medianMs: number;
  p95Ms: number;
  /** Until B's next frame after it saw the marker. */
  paintedMedianMs: number;
  /** B's clock minus A's, as measured against Date.now() (already corrected for). */
  clockSkewMs: number;
}

const LETTERS = 'abcdefghijklmnoprstuvwxy';
const marker = (i: number) => `zq${LETTERS[Math.floor(i / LETTERS.length) % LETTERS.length]}${LETTERS[i % LETTERS.length]}`;

export async function runEditorToEditor(ctx: DeskContext, kind: PageKind, o: EditorToEditorOptions): Promise<EditorToEditorResult> {
  const doc = await ctx.server.createArticle(ctx.article);
  const mid = middleSegment(ctx);
  const pages: EditorPage[] = [];
  try {
    pages.push(await openReady(ctx, kind, doc));
    pages.push(await openReady(ctx, kind, doc));
    const [a, b] = pages;
    await a.page.evaluate((i) => window.__bench.placeCaret(i), mid);
    await b.page.evaluate((i) => window.__bench.center(i), mid);
    const [offsetA, offsetB] = await Promise.all([a.page.evaluate(() => window.__bench.clockOffset()), b.page.evaluate(() => window.__bench.clockOffset())]);
    await sleep(1000);
    const random = seeded(99);
    const latencies: number[] = [];
    const painted: number[] = [];
    let missed = 0;
    for (let i = 0; i < o.warmup + o.samples; i++) {
      const word = marker(i);
      await b.page.evaluate(([index, m]) => window.__bench.watch(index, m, 5000), [mid, word] as const);
      for (const char of word) {
        await a.page.keyboard.press(char);
        await sleep(o.keyPauseMs);
      }
      const sentAt = await a.page.evaluate(() => window.__bench.lastKeyEpoch);
      const seen = await b.page.evaluate(() => window.__bench.watched);
      if (!seen) missed++;
      else if (i >= o.warmup) {
        latencies.push(seen.detected - offsetB - (sentAt - offsetA));
        painted.push(seen.painted - offsetB - (sentAt - offsetA));
      }
      await sleep(o.pauseMs + 50 * random());
    }
    return {
      samples: latencies.length,
      missed,
      medianMs: median(latencies),
      p95Ms: p95(latencies),
      paintedMedianMs: median(painted),
      clockSkewMs: offsetB - offsetA,
    };
  } finally {
    for (const page of pages) await closeEditor(ctx, 'editor-to-editor', page);
  }
}
