// Headless Chromium for the desk bench (playwright-core, Debian's /usr/bin/chromium, the flags the
// e2e tests use), and the two kinds of page under test: the desk and the bare Lexical page.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { installProbe, type ProbeOptions } from './probe.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type PageKind = 'desk' | 'bare';
export const KINDS: PageKind[] = ['desk', 'bare'];

export interface EditorPage {
  kind: PageKind;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors. */
  errors: string[];
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    timeout: 30_000,
  });
}

/** Opens `link` in a fresh context (cold cache, empty storage) with the probe installed. */
export async function openEditor(browser: Browser, kind: PageKind, link: string, probe: ProbeOptions = {}): Promise<EditorPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // tsx compiles functions with esbuild's keepNames, which wraps inner functions in __name(); the
  // functions this bench hands to the page need it defined there.
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
  await context.addInitScript(() => localStorage.setItem('tandem:name', 'Bench'));
  await context.addInitScript(installProbe, probe);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  // A failed request is recorded with its path (the console's own message names no URL).
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
  });
  await page.goto(link, { waitUntil: 'commit' });
  return { kind, context, page, errors, close: () => context.close() };
}

/** Waits until the editor shows all `segments` and is editable. */
export async function waitForArticle(editor: EditorPage, segments: number): Promise<void> {
  await editor.page.waitForFunction(
    (n) => {
      const root = document.querySelector('.editor-root') as HTMLElement | null;
      return !!root && root.isContentEditable && root.childElementCount >= n;
    },
    segments,
    { timeout: 30_000, polling: 100 },
  );
}
