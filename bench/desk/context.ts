// What every desk scenario gets: the browser, the Tandem server, the bare page's server, the
// article, and a place to record anything unexpected.
import type { Browser } from 'playwright-core';
import type { Article } from './article.js';
import type { BarePage } from './bare-page.js';
import type { DeskServer } from './tandem.js';
import { openEditor, waitForArticle, type EditorPage, type PageKind } from './browser.js';
import type { ProbeOptions } from './probe.js';

export interface DeskContext {
  browser: Browser;
  server: DeskServer;
  bare: BarePage;
  article: Article;
  problems: string[];
}

export interface ArticleDoc {
  id: string;
  token: string;
}

/** The segment the measured page types into: the middle of the article. */
export const middleSegment = (ctx: DeskContext) => Math.floor(ctx.article.paragraphs.length / 2);

export function linkFor(ctx: DeskContext, kind: PageKind, doc: ArticleDoc): string {
  return kind === 'desk' ? `${ctx.server.url}/d/${doc.id}?token=${encodeURIComponent(doc.token)}` : ctx.bare.link(ctx.server.wsUrl, doc.id, doc.token);
}

/** Opens a page of `kind` on `doc` and waits until the whole article is shown and editable. */
export async function openReady(ctx: DeskContext, kind: PageKind, doc: ArticleDoc, probe: ProbeOptions = {}): Promise<EditorPage> {
  const editor = await openEditor(ctx.browser, kind, linkFor(ctx, kind, doc), probe);
  try {
    await waitForArticle(editor, ctx.article.paragraphs.length);
  } catch (error) {
    await editor.close();
    throw error;
  }
  return editor;
}

/** Records the page's errors as problems of `scenario`, then closes it. */
export async function closeEditor(ctx: DeskContext, scenario: string, editor: EditorPage): Promise<void> {
  for (const error of editor.errors.slice(0, 5)) ctx.problems.push(`[${scenario}] ${editor.kind}: ${error}`);
  await editor.close();
}

/** A seeded random source, so desk and bare get the same pauses. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}
