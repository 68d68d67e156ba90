// First editable paint: a new browser context (cold cache, empty storage; the desk's display name
// preset so it asks for none) opens the article; the sample is the time from navigation start to
// the end of the first frame that shows every segment, the last one's text included, in an
// editable root. Each load gets a freshly created document, so the server loads its room cold.
import { sleep } from '../../wait.js';
import { closeEditor, linkFor, type DeskContext } from '../context.js';
import { openEditor, type PageKind } from '../browser.js';

export interface FirstPaintSample {
  /** Navigation start → the article painted, editable. */
  paintMs: number;
  /** Navigation start → DOMContentLoaded ended (the page's scripts loaded and ran). */
  domContentLoadedMs: number;
}

export async function runFirstPaint(ctx: DeskContext, kind: PageKind): Promise<FirstPaintSample> {
  const doc = await ctx.server.createArticle(ctx.article);
  await sleep(300);
  const last = ctx.article.paragraphs[ctx.article.paragraphs.length - 1];
  const paint = { segments: ctx.article.paragraphs.length, lastTail: last.slice(-12) };
  const editor = await openEditor(ctx.browser, kind, linkFor(ctx, kind, doc), { paint });
  try {
    await editor.page.waitForFunction(() => window.__bench.paintedAt !== null, undefined, { timeout: 30_000, polling: 100 });
    return await editor.page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { paintMs: window.__bench.paintedAt!, domContentLoadedMs: navigation?.domContentLoadedEventEnd ?? Number.NaN };
    });
  } finally {
    await closeEditor(ctx, 'first paint', editor);
  }
}
