// Headless Chromium for the desk's end-to-end tests, driven by playwright-core. Pages record their
// uncaught errors and console errors; screenshots go to test-artifacts/ (gitignored).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PACKAGE_ROOT } from '../../server/paths.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(PACKAGE_ROOT, 'test-artifacts');
const CLIENT_INDEX = join(PACKAGE_ROOT, 'dist', 'client', 'index.html');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  if (!existsSync(CLIENT_INDEX)) throw new Error('The browser client is not built: npm run build:client');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface DeskPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors, as text. */
  errors: string[];
  /** Every request the page made that did not go to the Tandem server. */
  foreign: string[];
}

export interface OpenOptions {
  /** The display name to preset in localStorage; null leaves the prompt to the test. */
  name?: string | null;
  viewport?: { width: number; height: number };
  /** Reuse a context (same browser profile: same localStorage and IndexedDB). */
  context?: BrowserContext;
  /** The colour scheme the system asks for (prefers-color-scheme); Chromium's default is light. */
  colorScheme?: 'light' | 'dark';
}

/** Opens a link in a new page (and, unless given, a new context) and waits for what it shows. */
export async function openPage(browser: Browser, link: string, options: OpenOptions = {}): Promise<DeskPage> {
  const context = options.context ?? (await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, acceptDownloads: true }));
  const name = options.name === undefined ? 'Tester' : options.name;
  if (name !== null) await context.addInitScript((n) => localStorage.setItem('tandem:name', n), name);
  // Error events that are no exceptions (a ResizeObserver loop, say) and unhandled rejections count too.
  await context.addInitScript(() => {
    window.addEventListener('error', (event) => !event.error && console.error(`error event: ${event.message}`));
    window.addEventListener('unhandledrejection', (event) => console.error(`unhandled rejection: ${String(event.reason)}`));
  });
  const page = await context.newPage();
  if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
  const errors: string[] = [];
  const foreign: string[] = [];
  const origin = new URL(link).origin;
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith(origin.replace(/^http/, 'ws')) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  await page.goto(link);
  return { context, page, errors, foreign };
}

/** Opens an article link and waits until its segments are shown. */
export async function openArticle(browser: Browser, link: string, options: OpenOptions = {}): Promise<DeskPage> {
  const desk = await openPage(browser, link, options);
  await desk.page.waitForSelector('.editor-root section[data-segment-id]', { timeout: 15_000 });
  return desk;
}

/** Puts the caret at the end of segment `index` (0-based) and focuses the editor. */
export async function caretAtEnd(page: Page, index: number): Promise<void> {
  // A remote change reconciled just before the editor heard of the new selection puts the caret
  // back where the editor thought it was: place it, let the editor hear it, check, and again if need be.
  for (let attempt = 0; attempt < 3; attempt++) {
    const placed = await page.evaluate(
      (i) =>
        new Promise<boolean>((resolve) => {
          const root = document.querySelector('.editor-root') as HTMLElement;
          const section = document.querySelectorAll('.editor-root section[data-segment-id]')[i];
          if (!section) throw new Error(`no segment ${i}`);
          const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
          let last: Text | null = null;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) last = node as Text;
          root.focus();
          const selection = document.getSelection()!;
          const check = () => resolve(document.activeElement === root && !!selection.anchorNode && section.contains(selection.anchorNode));
          document.addEventListener('selectionchange', () => setTimeout(check, 20), { once: true });
          setTimeout(check, 1000); // an unchanged selection fires no event
          if (last) selection.collapse(last, last.length);
          else selection.collapse(section.querySelector('p') ?? section, 0);
        }),
      index,
    );
    if (placed) return;
  }
  throw new Error(`the caret would not stay in segment ${index}`);
}

/** Selects from the start of one segment's text to the end of another's (0-based, inclusive). */
export async function selectSegments(page: Page, from: number, to: number, { startOffset = 0, endOffset }: { startOffset?: number; endOffset?: number } = {}): Promise<void> {
  await page.evaluate(
    ([a, b, s, e]) => {
      const sections = document.querySelectorAll('.editor-root section[data-segment-id]');
      const texts = (section: Element) => {
        const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
        const out: Text[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node as Text);
        return out;
      };
      const firstTexts = texts(sections[a]);
      const lastTexts = texts(sections[b]);
      const blockOf = (section: Element) => section.querySelector('p, h1, h2, h3, li, blockquote') ?? section;
      const [startNode, startAt] = firstTexts.length ? [firstTexts[0], s] : [blockOf(sections[a]), 0];
      const last = lastTexts[lastTexts.length - 1];
      const [endNode, endAt] = last ? [last, e ?? last.length] : [blockOf(sections[b]), 0];
      (document.querySelector('.editor-root') as HTMLElement).focus();
      document.getSelection()!.setBaseAndExtent(startNode, startAt, endNode, endAt);
    },
    [from, to, startOffset, endOffset ?? null] as const,
  );
  await page.waitForTimeout(50);
}

export async function segmentTexts(page: Page): Promise<string[]> {
  return page.$$eval('.editor-root section[data-segment-id]', (sections) => sections.map((s) => (s as HTMLElement).innerText.replace(/\n+$/, '')));
}

export async function segmentIds(page: Page): Promise<string[]> {
  return page.$$eval('.editor-root section[data-segment-id]', (sections) => sections.map((s) => (s as HTMLElement).dataset.segmentId ?? ''));
}

export async function saveState(page: Page): Promise<string | null> {
  return page.getAttribute('[data-testid="save-state"]', 'data-state');
}

export async function presentNames(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="presence"] [data-name]', (items) => items.map((i) => (i as HTMLElement).dataset.name ?? '').sort());
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Puts the caret at a plain-text offset of segment `index` (blocks joined by "\n", SPEC 5.2). */
export async function caretAt(page: Page, index: number, offset: number): Promise<void> {
  const placed = await page.evaluate(
    ([i, at]) =>
      new Promise<boolean>((resolve) => {
        const root = document.querySelector('.editor-root') as HTMLElement;
        const section = document.querySelectorAll('.editor-root section[data-segment-id]')[i];
        if (!section) throw new Error(`no segment ${i}`);
        let rest = at;
        let point: [Node, number] | null = null;
        for (const block of section.children) {
          const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
          let last: Text | null = null;
          for (let node = walker.nextNode(); node && !point; node = walker.nextNode()) {
            last = node as Text;
            if (rest <= last.length) point = [last, rest];
            else rest -= last.length;
          }
          if (point) break;
          if (!last && rest === 0) point = [block, 0];
          rest -= 1; // the "\n" between blocks
        }
        if (!point) throw new Error(`offset ${at} is beyond segment ${i}`);
        root.focus();
        const selection = document.getSelection()!;
        document.addEventListener('selectionchange', () => setTimeout(() => resolve(section.contains(selection.anchorNode)), 20), { once: true });
        setTimeout(() => resolve(section.contains(selection.anchorNode)), 1000);
        selection.collapse(point[0], point[1]);
      }),
    [index, offset] as const,
  );
  if (!placed) throw new Error(`the caret would not stay in segment ${index}`);
}

/** Each segment's blocks' text, as the page shows them. */
export async function blockTexts(page: Page): Promise<string[][]> {
  return page.$$eval('.editor-root section[data-segment-id]', (sections) => sections.map((s) => [...s.children].map((b) => b.textContent ?? '')));
}
