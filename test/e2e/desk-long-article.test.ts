// A long article in the desk: rows far from the screen are not laid out, yet the page's height is
// about right from the start, and the margin's segment number brings its row to the screen.
// (SPEC 10.17, 15.8)
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually } from '../helpers/eventually.js';
import { openArticle } from '../helpers/browser.js';
import { deskSuite } from '../helpers/desk-suite.js';
import { personal } from './review-helpers.js';

const suite = deskSuite();
const ROWS = 80;
const SENTENCE = 'উত্তরাঞ্চলের জেলাগুলোতে বন্যার পানি বাড়তে থাকায় কৃষকেরা ত্রাণের অপেক্ষায় রয়েছেন।';
// Short sources and translations of one to eight sentences: the translations decide the heights.
const LONG = {
  source: Array.from({ length: ROWS }, (_, i) => `Paragraph ${i + 1}.`).join('\n\n'),
  target: Array.from({ length: ROWS }, (_, i) => `${i + 1}. ${`${SENTENCE} `.repeat(1 + ((i * 5) % 8))}`.trim()).join('\n\n'),
};

const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);

/** The page's height once it has stopped changing for a second and a half. */
async function settledHeight(page: Page): Promise<number> {
  await page.evaluate(() => document.fonts.ready);
  let last = -1;
  let same = 0;
  for (let i = 0; i < 100 && same < 5; i++) {
    const height = await pageHeight(page);
    same = height === last ? same + 1 : 0;
    last = height;
    await page.waitForTimeout(300);
  }
  return last;
}

/** A row's height before it is guessed: a short paragraph (body.css). */
const UNGUESSED = 'auto 120px';

/** Each row's height for while it is not laid out (its guess, once the page has made one). */
const guesses = (page: Page): Promise<string[]> =>
  page.$$eval('.editor-root section[data-segment-id]', (sections) => sections.map((s) => getComputedStyle(s).containIntrinsicSize));

/** Asked no more often than this: a page asked every 100 ms on a busy machine was never idle, and
 *  never made the guesses waited for. */
const ASK_EVERY = { timeout: 30_000, interval: 500 };

/** Waits until the page has guessed every row's height: it does so once it is idle, which on a busy
 *  machine can be seconds after the rows are shown. */
async function guessed(page: Page): Promise<void> {
  await eventually(async () => expect((await guesses(page)).filter((guess) => guess === UNGUESSED)).toEqual([]), ASK_EVERY);
}

/** Scrolls from top to bottom most of a screen at a time, so every row is laid out once. */
async function scrollThrough(page: Page): Promise<void> {
  const done = await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (let i = 0; i < 1000; i++) {
      window.scrollBy(0, innerHeight * 0.75);
      await frame();
      if (scrollY + innerHeight >= document.documentElement.scrollHeight - 2) return true;
    }
    return false;
  });
  expect(done).toBe(true);
}

describe('a long article in the desk (e2e)', { timeout: 90_000 }, () => {
  /** Opens the long article, lets `before` act on the page, then tells how much the page grew
   *  (as a share of its final height) while scrolled through. */
  async function growthWhenScrolled(before: (page: Page) => Promise<void> = async () => {}): Promise<number> {
    const doc = await suite.server.createDocument(LONG);
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor));
    const { page } = desk;
    await eventually(async () => expect(await page.locator('.editor-root section').count()).toBe(ROWS), { timeout: 10_000 });
    await guessed(page);
    await before(page);
    const start = await settledHeight(page);
    await scrollThrough(page);
    const end = await pageHeight(page);
    expect(desk.errors).toEqual([]);
    await desk.context.close();
    return Math.abs(end - start) / end;
  }

  it('SPEC 10.17 the page is about as tall before its rows are shown as after', async () => {
    // One guess for every row put the page a fifth short here.
    expect(await growthWhenScrolled()).toBeLessThan(0.02);
  });

  it('SPEC 10.17 after the window is resized, the guesses follow the new column width', async () => {
    const resize = async (page: Page) => {
      await settledHeight(page);
      const wide = await guesses(page);
      await page.setViewportSize({ width: 960, height: 800 });
      // The page guesses again once the width has settled and the page is idle.
      await eventually(async () => expect(await guesses(page)).not.toEqual(wide), ASK_EVERY);
    };
    expect(await growthWhenScrolled(resize)).toBeLessThan(0.02);
  });

  it('SPEC 15.8 on a narrow screen, the segment number over a group of cards brings its row to the middle of the screen', async () => {
    const doc = await suite.server.createDocument(LONG);
    const ids = (await suite.server.api('GET', `/api/documents/${doc.id}`)).body.segments.map((s: { id: string }) => s.id);
    const token = await personal(suite.server, doc.id, doc.tokens.reviewer, 'Rina');
    await suite.server.api('POST', `/api/documents/${doc.id}/comments`, { segmentId: ids[60], text: 'Which district?' }, token);
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Omar', viewport: { width: 720, height: 1000 } });
    const { page } = desk;
    const group = page.getByTestId('review-margin').locator(`.margin-group[data-segment-id="${ids[60]}"]`);
    await group.scrollIntoViewIfNeeded({ timeout: 10_000 });
    await group.getByRole('button', { name: 'Segment 61' }).click();
    const offCenter = () =>
      page.evaluate((id) => {
        const box = document.querySelector(`.editor-root section[data-segment-id="${id}"]`)!.getBoundingClientRect();
        return Math.abs(box.top + box.height / 2 - innerHeight / 2);
      }, ids[60]);
    await eventually(async () => expect(await offCenter()).toBeLessThan(200));
    await page.waitForTimeout(1500);
    expect(await offCenter()).toBeLessThan(200);
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });
});
