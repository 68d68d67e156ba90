// The desk's home and the article's frame in a real browser: articles with progress, a new article
// from pasted and dropped text, share links, the name prompt, and a layout that keeps source and
// translation aligned with Bengali set in the bundled font. (SPEC 10)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page, WebSocketRoute } from 'playwright-core';
import { ADMIN_TOKEN } from '../helpers/server.js';
import { eventually } from '../helpers/eventually.js';
import { caretAtEnd, openArticle, openPage, presentNames, screenshot, segmentTexts } from '../helpers/browser.js';
import { PACKAGE_ROOT } from '../../server/paths.js';
import { deskSuite } from '../helpers/desk-suite.js';

const suite = deskSuite();
const fixture = (name: string) => readFileSync(join(PACKAGE_ROOT, 'test', 'fixtures', name), 'utf8');

/** Each source block's top and each segment's top, relative to the page. */
async function rowTops(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.editor-root section[data-segment-id]')].map((section) => {
      const source = document.querySelector<HTMLElement>(`[data-source-for="${section.dataset.segmentId}"]`);
      const text = source?.querySelector<HTMLElement>('.src-text');
      const gutter = source?.querySelector<HTMLElement>('.src-gutter');
      return {
        section: section.getBoundingClientRect().toJSON() as DOMRect,
        gutter: gutter?.getBoundingClientRect().toJSON() as DOMRect | undefined,
        counts: source?.querySelector('.segment-counts')?.getBoundingClientRect().toJSON() as DOMRect | undefined,
        source: source?.getBoundingClientRect().toJSON() as DOMRect | undefined,
        text: text?.getBoundingClientRect().toJSON() as DOMRect | undefined,
        firstLine: (section.querySelector('p, h1, h2, li, blockquote') as HTMLElement | null)?.getBoundingClientRect().toJSON() as DOMRect | undefined,
      };
    }),
  );
}

describe('the desk home and layout (e2e)', { timeout: 60_000 }, () => {
  it('SPEC 10.11 the admin creates an article from pasted and dropped text, sees its progress and shares it', async () => {
    const desk = await openPage(suite.browser, `${suite.server.url}/?token=${ADMIN_TOKEN}`);
    const { page } = desk;
    await desk.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url });
    await page.getByRole('button', { name: 'New article' }).first().click();
    await page.getByLabel('Title').fill('Libraries online');
    await page.getByLabel('Draft translation').fill(fixture('article.bn.txt'));
    // The source arrives as a dropped file.
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'article.en.txt', { type: 'text/plain' }));
      document.querySelectorAll('textarea')[0].dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, fixture('article.en.txt'));
    await eventually(async () => {
      expect(await page.getByText('From article.en.txt').count()).toBe(1);
      expect(await page.getByText('6 source paragraphs, 6 draft paragraphs — Create checks that they pair in order.').count()).toBe(1);
    });
    await screenshot(page, 'desk-new-article');
    await page.getByRole('button', { name: 'Create article' }).click();
    // The draft repeats its fifth paragraph where the last should be: the counts match, the pairs
    // do not (SPEC 10.29); the article is made of the pairs as proposed.
    await page.getByRole('heading', { name: 'Check how the paragraphs pair' }).waitFor();
    expect(await page.getByTestId('align-pair').count()).toBe(7);
    await page.getByRole('button', { name: 'Create article' }).click();

    const dialog = page.getByRole('dialog', { name: /Share/ });
    await dialog.waitFor();
    for (const role of ['editor', 'reviewer', 'viewer']) {
      await expect(dialog.getByTestId(`share-${role}`).locator('input').inputValue()).resolves.toMatch(new RegExp(`^${suite.server.url}/d/[a-z0-9]+\\?token=`));
    }
    await dialog.getByRole('button', { name: 'Copy viewer link' }).click();
    await eventually(async () => expect(await dialog.getByRole('button', { name: 'Copy viewer link' }).textContent()).toBe('Copied'));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await dialog.getByTestId('share-viewer').locator('input').inputValue());
    await screenshot(page, 'desk-share');
    await dialog.getByRole('button', { name: 'Done' }).click();

    const row = page.getByTestId('article-row').filter({ hasText: 'Libraries online' });
    await expect(row.textContent()).resolves.toContain('7 segments');
    await eventually(async () => expect(await row.getByText('0/7 reviewed').count()).toBe(1));
    await screenshot(page, 'desk-home');

    // Open goes to the article as an editor.
    await row.getByRole('button', { name: 'Open' }).click();
    await page.waitForSelector('.editor-root section[data-segment-id]');
    expect(await page.getByTestId('role').textContent()).toBe('Editor');
    expect(await page.locator('[contenteditable="true"]').count()).toBe(1);
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });

  it('SPEC 10.11 the home page searches and filters by title, languages and progress, tells same-titled articles apart, and asks before deleting in its own dialog', async () => {
    const create = async (title: string, sourceLang: string, targetLang: string, status?: string) => {
      const doc = await suite.server.createDocument({ title, sourceLang, targetLang });
      if (status) {
        const { body } = await suite.server.api('GET', `/api/documents/${doc.id}`);
        for (const segment of body.segments) {
          const set = await suite.server.api('PUT', `/api/documents/${doc.id}/segments/${segment.id}/status`, { status }, doc.tokens.editor);
          expect(set.status).toBe(200);
        }
      }
      return doc.id;
    };
    const budgets = [await create('Budget for the coming year', 'en', 'bn'), await create('Budget for the coming year', 'en', 'bn', 'translated')];
    await create('Flood warning for the coast', 'en', 'hi', 'approved');
    await create('Election night, hour by hour', 'bn', 'en', 'reviewed');
    await create('Cyclone shelters open', 'en', 'bn', 'approved');

    const desk = await openPage(suite.browser, `${suite.server.url}/?token=${ADMIN_TOKEN}`);
    const { page } = desk;
    const nativeDialogs: string[] = [];
    page.on('dialog', (dialog) => (nativeDialogs.push(dialog.message()), void dialog.dismiss()));
    const rows = page.getByTestId('article-row');
    const titles = async () => (await rows.locator('.article-link').allTextContents()).sort();
    await eventually(async () => expect(await rows.count()).toBeGreaterThanOrEqual(5));
    await eventually(async () => expect(await page.locator('.progress.loading').count()).toBe(0));
    await screenshot(page, 'desk-home-articles');

    // Search by title: the two budgets, told apart by their ids and progress.
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('budget');
    await eventually(async () => expect(await titles()).toEqual(['Budget for the coming year', 'Budget for the coming year']));
    const metas = await rows.locator('.article-meta').allTextContents();
    for (const id of budgets) expect(metas.join('\n')).toContain(`#${id.slice(0, 6)}`);
    for (const meta of metas) expect(meta).toMatch(/EN → BN.*Created [A-Z][a-z]{2} \d{1,2}, \d{4}/);
    expect(await page.getByRole('status').filter({ hasText: 'articles' }).textContent()).toMatch(/^2 of \d+ articles$/);
    await screenshot(page, 'desk-home-search');
    // `#` and the start of an id finds that one article.
    await page.getByRole('searchbox', { name: 'Search articles' }).fill(`#${budgets[1].slice(0, 6)}`);
    await eventually(async () => expect(await rows.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.id))).toEqual([budgets[1]]));
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('');

    // By language pair, and by progress (the least advanced segment).
    await page.getByRole('combobox', { name: 'Languages' }).selectOption({ label: 'English → Hindi' });
    await eventually(async () => expect(await titles()).toEqual(['Flood warning for the coast']));
    await page.getByRole('combobox', { name: 'Languages' }).selectOption({ label: 'English → Bangla' });
    await page.getByRole('combobox', { name: 'Progress' }).selectOption({ label: 'Approved' });
    await eventually(async () => expect(await titles()).toEqual(['Cyclone shelters open']));
    await page.getByRole('combobox', { name: 'Progress' }).selectOption({ label: 'Ready for review' });
    await eventually(async () => expect(await rows.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.id))).toEqual([budgets[1]]));
    await page.getByRole('combobox', { name: 'Languages' }).selectOption({ label: 'Bangla → English' });
    await eventually(async () => expect(await page.getByText('No article matches').count()).toBe(1));
    await page.getByRole('button', { name: 'Clear the search and filters' }).click();
    await eventually(async () => expect(await rows.count()).toBeGreaterThanOrEqual(5));

    // Deleting asks in the page's own dialog, naming the article by its id too; Cancel keeps it.
    const doomed = rows.and(page.locator(`[data-id="${budgets[0]}"]`));
    await doomed.getByRole('button', { name: /^Delete/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this article?' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain(`#${budgets[0].slice(0, 6)}`);
    await screenshot(page, 'desk-home-delete');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await eventually(async () => expect(await dialog.count()).toBe(0));
    expect(await doomed.count()).toBe(1);
    await doomed.getByRole('button', { name: /^Delete/ }).click();
    await dialog.getByRole('button', { name: 'Delete article' }).click();
    await eventually(async () => expect(await doomed.count()).toBe(0));
    expect(await dialog.count()).toBe(0);
    const { body } = await suite.server.api('GET', '/api/documents');
    expect(body.documents.map((d: { id: string }) => d.id)).not.toContain(budgets[0]);
    expect(body.documents.map((d: { id: string }) => d.id)).toContain(budgets[1]);
    expect(nativeDialogs).toEqual([]);
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });

  it('SPEC 10.12 an article asks once for a display name, saying which article and role, passes it to the others and remembers it', async () => {
    const doc = await suite.server.createDocument({ title: 'ঢাকার গ্রন্থাগারগুলো দুর্লভ বই অনলাইনে তুলল' });
    // The article's answer is held back: until it comes, the prompt names the article by its id.
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route(`**/api/documents/${doc.id}`, async (route) => (await held, route.continue()));
    const first = await openPage(suite.browser, suite.link(doc.id, doc.tokens.reviewer), { name: null, context });
    const field = first.page.getByPlaceholder('Your name');
    await field.waitFor();
    const joining = first.page.getByTestId('joining');
    expect(await joining.textContent()).toContain(`Article ${doc.id}`);
    expect(await joining.locator('.role-badge').textContent()).toBe('Reviewer');
    await screenshot(first.page, 'desk-name-prompt-id');
    release();
    await eventually(async () => expect(await joining.locator('.joining-article').textContent()).toBe('ঢাকার গ্রন্থাগারগুলো দুর্লভ বই অনলাইনে তুলল'));
    await screenshot(first.page, 'desk-name-prompt');
    await field.fill('নাসরিন');
    await field.press('Enter');
    await first.page.waitForSelector('.editor-root section[data-segment-id]');
    const other = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Editor Two' });
    await eventually(async () => expect(await presentNames(other.page)).toEqual(['Editor Two', 'নাসরিন']), { timeout: 10_000 });
    // The colours differ, so carets and chips can be told apart.
    const colors = await other.page.$$eval('[data-testid="presence"] [data-name]', (items) => items.map((i) => (i as HTMLElement).style.getPropertyValue('--person')));
    await eventually(async () => {
      const now = await other.page.$$eval('[data-testid="presence"] [data-name]', (items) => items.map((i) => (i as HTMLElement).style.getPropertyValue('--person')));
      expect(new Set(now).size).toBe(2);
    });
    expect(colors).toHaveLength(2);
    // The same suite.browser is not asked again.
    const again = await first.context.newPage();
    await again.goto(suite.link(doc.id, doc.tokens.reviewer));
    await again.waitForSelector('.editor-root section[data-segment-id]');
    expect(await again.getByPlaceholder('Your name').count()).toBe(0);
    expect(first.errors).toEqual([]);
    await Promise.all([first.context.close(), other.context.close()]);
  });

  it('SPEC 10.13 source and translation stay aligned row by row, Bengali is set in the bundled font, nothing comes from outside', async () => {
    const doc = await suite.server.createDocument({ source: fixture('article.en.txt'), target: fixture('article.bn.txt') });
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Layout' });
    const { page } = desk;
    await page.evaluate(() => document.fonts.ready);
    await eventually(async () => {
      const rows = await rowTops(page);
      expect(rows.length).toBe(6);
      for (const { section, source, text } of rows) {
        expect(Math.abs(source!.top - section.top)).toBeLessThan(1.5);
        expect(Math.abs(source!.height - section.height)).toBeLessThan(1.5);
        expect(text!.right).toBeLessThanOrEqual(section.left + section.width / 2 + 60);
        expect(section.height).toBeGreaterThanOrEqual(text!.height - 1);
      }
    });
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans Bengali"', 'বাংলা'))).toBe(true);
    const bengaliFont = await page.evaluate(() => getComputedStyle(document.querySelector('.editor-root')!).fontFamily);
    expect(bengaliFont).toContain('Noto Sans Bengali');
    expect(await page.evaluate(() => [...document.fonts].some((f) => f.family.includes('Noto Sans Bengali') && f.status === 'loaded'))).toBe(true);
    await screenshot(page, 'desk-article-1280');

    // A one-line row whose review counts sit under its status grows to hold them.
    const segmentId = await page.evaluate(() => document.querySelectorAll<HTMLElement>('.editor-root section[data-segment-id]')[4].dataset.segmentId!);
    const comment = await suite.server.api('POST', `/api/documents/${doc.id}/comments`, { segmentId, text: 'Which universities?' }, doc.tokens.editor);
    expect(comment.status).toBe(201);
    await eventually(async () => {
      const row = (await rowTops(page))[4];
      expect(row.counts).toBeDefined();
      expect(row.section.bottom).toBeGreaterThanOrEqual(row.counts!.bottom + 2);
      expect(Math.abs(row.source!.height - row.section.height)).toBeLessThan(1.5);
    });

    // A longer translation pushes the row down on both sides.
    const before = (await rowTops(page))[2];
    await caretAtEnd(page, 1);
    for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
    await eventually(async () => {
      const rows = await rowTops(page);
      expect(rows[2].section.top).toBeGreaterThan(before.section.top + 40);
      expect(Math.abs(rows[2].source!.top - rows[2].section.top)).toBeLessThan(1.5);
    });

    // Narrow screen: each row reads down, its number and status (with its label) over its source,
    // the source over its translation.
    await page.setViewportSize({ width: 400, height: 800 });
    await eventually(async () => {
      const rows = await rowTops(page);
      for (const { section, text, firstLine, gutter } of rows) {
        expect(text!.top).toBeGreaterThanOrEqual(section.top - 1);
        expect(gutter!.bottom).toBeLessThanOrEqual(text!.top + 1);
        expect(text!.bottom).toBeLessThanOrEqual(firstLine!.top + 1);
        expect(section.bottom).toBeGreaterThanOrEqual(gutter!.bottom - 1);
      }
    });
    const pills = await page.locator('.src-gutter .status-pill').evaluateAll((items) => items.map((i) => [i.textContent, i.getBoundingClientRect().width]));
    for (const [label, width] of pills) expect([label, (width as number) > 20]).toEqual(['Draft', true]);
    await screenshot(page, 'desk-article-narrow');
    expect(desk.foreign).toEqual([]);
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });

  it('SPEC 10.13 the header takes one row on a wide screen and at most two below, down to a phone, without pushing the page sideways; the sheet head names its columns beside a side panel', async () => {
    const doc = await suite.server.createDocument({ title: 'ঢাকার গ্রন্থাগারগুলো দুর্লভ বই অনলাইনে তুলল', source: fixture('article.en.txt'), target: fixture('article.bn.txt') });
    const other = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.reviewer), { name: 'Rina' });
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Omar' });
    const { page } = desk;
    await eventually(async () => expect((await presentNames(page)).length).toBe(2), { timeout: 10_000 });
    /** How many rows the header's controls sit on, and what the title and the page make room for. */
    const header = () =>
      page.evaluate(() => {
        const controls = [...document.querySelectorAll<HTMLElement>('.article-header button, .article-header .save-indicator, .article-header .article-title')].filter((e) => e.offsetWidth > 0);
        const middles = controls.map((e) => e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2).sort((a, b) => a - b);
        const rows = middles.filter((middle, i) => i === 0 || middle - middles[i - 1] > 12);
        const box = document.querySelector('.article-header')!.getBoundingClientRect();
        const sheetHead = document.querySelector('.sheet-head')!.getBoundingClientRect();
        return {
          rows: rows.length,
          height: box.height,
          title: document.querySelector('.article-title')!.getBoundingClientRect().width,
          sideways: document.documentElement.scrollWidth - innerWidth,
          below: sheetHead.top >= box.bottom - 1,
          save: document.querySelector('[data-testid="save-state"]')!.textContent,
        };
      });
    for (const [width, rows] of [[1440, 1], [1280, 1], [1100, 2], [760, 2], [480, 2], [360, 2]] as const) {
      await page.setViewportSize({ width, height: 800 });
      await eventually(async () => {
        const seen = await header();
        expect(seen.rows, `${width}px`).toBe(rows);
        expect(seen.height).toBeLessThanOrEqual(rows === 1 ? 58 : 92);
        expect(seen.title, `${width}px`).toBeGreaterThanOrEqual(width < 400 ? 80 : 100);
        expect(seen.sideways, `${width}px`).toBeLessThanOrEqual(0);
        expect(seen.below).toBe(true);
        expect(seen.save).toMatch(/Saved|Saving/);
      });
      if (width === 1100 || width === 360) await screenshot(page, `desk-header-${width}`);
    }
    // Scrolled, the sheet's head sticks right under the taller header.
    await page.mouse.wheel(0, 600);
    await eventually(async () => expect((await header()).below).toBe(true));
    // At 1280px with a side panel open, the sheet's head still names both columns beside the tools.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('glossary-button').click();
    await eventually(async () => {
      const head = await page.evaluate(() => {
        const names = [...document.querySelectorAll<HTMLElement>('.sheet-head .col-name')].map((name) => ({ shown: name.getBoundingClientRect().width, needs: name.scrollWidth }));
        const box = document.querySelector<HTMLElement>('.sheet-head')!;
        return { names, overflow: box.scrollWidth - box.clientWidth, panel: document.querySelector('.side-panel') !== null, sideways: document.documentElement.scrollWidth - innerWidth };
      });
      expect(head.panel).toBe(true);
      expect(head.names).toHaveLength(2);
      for (const { shown, needs } of head.names) expect(shown).toBeGreaterThanOrEqual(Math.min(needs, 90));
      expect(head.overflow).toBeLessThanOrEqual(0);
      expect(head.sideways).toBeLessThanOrEqual(0);
    });
    await screenshot(page, 'desk-header-1280-panel');
    expect([...desk.errors, ...other.errors]).toEqual([]);
    await Promise.all([desk.context.close(), other.context.close()]);
  });

  it('SPEC 10.14 a draft imported without a source shows the translation full width', async () => {
    const { status, body } = await suite.server.api('POST', '/api/documents', { sourceLang: 'en', targetLang: 'bn', format: 'text', target: 'শুধু খসড়া\n\nআরেকটি অনুচ্ছেদ' });
    expect(status).toBe(201);
    const desk = await openArticle(suite.browser, suite.link(body.id, body.tokens.editor));
    await eventually(async () => {
      const rows = await rowTops(desk.page);
      expect(rows).toHaveLength(2);
      for (const { section, firstLine, text } of rows) {
        expect(text).toBeUndefined();
        expect(firstLine!.left - section.left).toBeLessThan(150);
        expect(firstLine!.width).toBeGreaterThan(section.width * 0.75);
      }
    });
    expect(await segmentTexts(desk.page)).toEqual(['শুধু খসড়া', 'আরেকটি অনুচ্ছেদ']);
    await screenshot(desk.page, 'desk-draft-only');
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });

  it('SPEC 10.31 in an article with sources, a draft block no source pairs with stays in the translation column beside a "No source" cell', async () => {
    // The erosion draft repeats its headline: the aligner pairs the repeat with no source (SPEC 6.7).
    const { status, body } = await suite.server.api('POST', '/api/documents', {
      sourceLang: 'en',
      targetLang: 'bn',
      format: 'text',
      source: fixture('align-erosion.en.txt'),
      target: fixture('align-erosion.bn.txt'),
      align: 'auto',
    });
    expect(status).toBe(201);
    const desk = await openArticle(suite.browser, suite.link(body.id, body.tokens.editor));
    await eventually(async () => {
      const missing = await desk.page.locator('.src-missing').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-label')));
      expect(missing.length).toBeGreaterThan(0);
      expect(await desk.page.locator('.src-missing').first().textContent()).toBe('No source');
      const rows = await rowTops(desk.page);
      const lefts = rows.map((row) => Math.round(row.firstLine!.left));
      // Every row's translation starts at the same left edge, the translation column's, sourced or not.
      expect(new Set(lefts).size).toBe(1);
      for (const { section, source, text } of rows) {
        expect(text!.right).toBeLessThanOrEqual(section.left + section.width / 2 + 60);
        expect(Math.abs(source!.height - section.height)).toBeLessThan(1.5);
      }
    });
    await screenshot(desk.page, 'desk-row-without-source');
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });

  it('SPEC 10.19 before the sources arrive the translation already sits in its own column, and it stays put when they come', async () => {
    const doc = await suite.server.createDocument({ source: fixture('article.en.txt'), target: fixture('article.bn.txt') });
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const held: WebSocketRoute[] = [];
    // The review room's first socket hangs until the test fails it; the page's next one goes through.
    await context.routeWebSocket(
      (url) => url.pathname === `/collab/${doc.id}/review`,
      (socket) => (held.length === 0 ? held.push(socket) : socket.connectToServer()),
    );
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { context });
    const { page } = desk;
    await eventually(() => expect(held).toHaveLength(1));
    await page.evaluate(() => document.fonts.ready);
    const lines = async () => (await rowTops(page)).map((row) => row.firstLine!);
    let before: DOMRect[] = [];
    await eventually(async () => {
      before = await lines();
      expect(before).toHaveLength(6);
      const { section } = (await rowTops(page))[0];
      for (const line of before) expect(line.left).toBeGreaterThan(section.left + section.width / 2);
    });
    await screenshot(page, 'desk-before-sources');
    await held[0].close({ code: 1011, reason: 'test' });
    await eventually(async () => {
      const rows = await rowTops(page);
      expect(rows.every((row) => row.text)).toBe(true);
      const after = rows.map((row) => row.firstLine!);
      for (const [i, line] of after.entries()) {
        expect(Math.abs(line.left - before[i].left)).toBeLessThan(1);
        expect(Math.abs(line.width - before[i].width)).toBeLessThan(1);
      }
    });
    expect(desk.errors).toEqual([]);
    await context.close();
  });
});
