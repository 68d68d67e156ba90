// Keystroke to next frame: the measured page types Latin letters (a key event per character; a
// typed Bengali character arrives without a keydown in automated browsers) at a caret in the
// middle of the article, alone or while three other editors type nearby. Each sample runs from the
// keydown's timestamp to the end of the first frame rendered after Lexical handled the input.
import { sleep } from '../../wait.js';
import { median, p95 } from '../../stats.js';
import { connectTypist, type Typist } from '../typists.js';
import { closeEditor, middleSegment, openReady, seeded, type DeskContext } from '../context.js';
import type { PageKind } from '../browser.js';
import type { KeySample } from '../probe.js';

export interface KeystrokeOptions {
  keys: number;
  /** Keystrokes typed first and not counted (JIT warm-up of the page). */
  warmup: number;
  /** Pause after each sample, plus a random 0–17 ms so keys land anywhere in a frame. */
  pauseMs: number;
  typists: number;
}

export interface KeystrokeResult {
  samples: number;
  missed: number;
  medianMs: number;
  p95Ms: number;
  /** Medians of the parts of a sample: waiting for the main thread, handling, until the frame, rendering. */
  parts: { inputDelayMs: number; handlingMs: number; untilFrameMs: number; renderMs: number };
  /** Keystrokes the other typists made during the measurement. */
  otherKeystrokes: number;
}

const TEXT = 'lorem ipsum dolor sit amet consectetur adipiscing elit ';

export async function runKeystrokes(ctx: DeskContext, kind: PageKind, o: KeystrokeOptions): Promise<KeystrokeResult> {
  const doc = await ctx.server.createArticle(ctx.article);
  const mid = middleSegment(ctx);
  const typists: Typist[] = [];
  const scenario = o.typists > 0 ? 'keystroke+typists' : 'keystroke';
  const offsets = [-2, 2, 40];
  try {
    for (let i = 0; i < o.typists; i++) {
      typists.push(
        await connectTypist({
          wsUrl: ctx.server.wsUrl,
          docId: doc.id,
          token: doc.token,
          name: `Typist ${i + 1}`,
          color: ['#d9480f', '#2f9e44', '#ae3ec9'][i % 3],
          segment: mid + offsets[i % offsets.length],
          intervalMs: 200,
          seed: 11 + i,
          onProblem: (what) => ctx.problems.length < 100 && ctx.problems.push(`[${scenario}] ${kind}: ${what}`),
        }),
      );
    }
    const editor = await openReady(ctx, kind, doc);
    try {
      const { page } = editor;
      const before = await page.evaluate((i) => window.__bench.placeCaret(i), mid);
      await sleep(1000);
      for (const typist of typists) typist.start();
      if (typists.length > 0) await sleep(1500);
      const typedBefore = typists.reduce((sum, t) => sum + t.typed(), 0);
      const random = seeded(1234);
      const total = o.warmup + o.keys;
      let expected = 0;
      let missed = 0;
      for (let i = 0; i < total; i++) {
        const char = TEXT[i % TEXT.length];
        await page.keyboard.press(char === ' ' ? 'Space' : char);
        expected++;
        const got = await page.evaluate(([n, ms]) => window.__bench.waitKeys(n, ms).then(() => window.__bench.keys.length), [expected, 2000] as const);
        if (got < expected) missed++;
        expected = got;
        await sleep(o.pauseMs + 17 * random());
      }
      const otherKeystrokes = typists.reduce((sum, t) => sum + t.typed(), 0) - typedBefore;
      for (const typist of typists) typist.stop();
      const after = (await page.evaluate((i) => window.__bench.segmentText(i), mid)).length;
      if (after - before !== total) ctx.problems.push(`[${scenario}] ${kind}: typed ${total} characters, the segment grew by ${after - before}`);
      const samples = (await page.evaluate(() => window.__bench.keys)).slice(o.warmup);
      return summarize(samples, missed, otherKeystrokes);
    } finally {
      await closeEditor(ctx, scenario, editor);
    }
  } finally {
    for (const typist of typists) typist.destroy();
  }
}

function summarize(samples: KeySample[], missed: number, otherKeystrokes: number): KeystrokeResult {
  const of = (pick: (s: KeySample) => number) => median(samples.map(pick));
  return {
    samples: samples.length,
    missed,
    medianMs: median(samples.map((s) => s.t1 - s.t0)),
    p95Ms: p95(samples.map((s) => s.t1 - s.t0)),
    parts: {
      inputDelayMs: of((s) => s.handled - s.t0),
      handlingMs: of((s) => s.processed - s.handled),
      untilFrameMs: of((s) => s.frame - s.processed),
      renderMs: of((s) => s.t1 - s.frame),
    },
    otherKeystrokes,
  };
}
