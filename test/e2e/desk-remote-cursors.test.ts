// Other people's carets and selections after the sheet's layout changes: a side panel, the review
// margin, a narrow window and back, a reload with rows not laid out yet. (SPEC 10.24)
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually } from '../helpers/eventually.js';
import { openArticle, screenshot } from '../helpers/browser.js';
import { deskSuite } from '../helpers/desk-suite.js';

const suite = deskSuite();
const ROWS = 40;
const SENTENCE = 'উত্তরাঞ্চলের জেলাগুলোতে বন্যার পানি বাড়তে থাকায় কৃষকেরা ত্রাণের অপেক্ষায় রয়েছেন।';
// Short sources, translations of one to four sentences: a change of width moves every row below.
const LONG = {
  source: Array.from({ length: ROWS }, (_, i) => `Paragraph ${i + 1}.`).join('\n\n'),
  target: Array.from({ length: ROWS }, (_, i) => `${i + 1}. ${`${SENTENCE} `.repeat(1 + (i % 4))}`.trim()).join('\n\n'),
};

interface Place {
  segment: number;
  start: number;
  end: number;
}
/** On screen at 1280×800, across two lines. */
const NEAR = { segment: 2, start: 60, end: 130 };
/** Far below the first screen: not laid out when the page opens. */
const FAR = { segment: 30, start: 20, end: 90 };

/** Selects in the translation (UTF-16 offsets into one segment's text), focus at the end. */
async function select(page: Page, { segment, start, end }: Place): Promise<void> {
  await page.evaluate(
    ([i, s, e]) => {
      const section = document.querySelectorAll('.editor-root section[data-segment-id]')[i];
      const text = document.createTreeWalker(section, NodeFilter.SHOW_TEXT).nextNode() as Text;
      (document.querySelector('.editor-root') as HTMLElement).focus();
      document.getSelection()!.setBaseAndExtent(text, s, text, e);
    },
    [segment, start, end] as const,
  );
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Where the page drew the other person's caret and selection, where the same range really is in
 * this page, and the translation column (the sheet head's Translation column, the editor's height).
 * Read after the next frame, as a person would see it.
 */
function drawn(page: Page, { segment, start, end }: Place) {
  return page.evaluate(
    ([i, s, e]) =>
      new Promise<{ caret: Box | null; selection: Box | null; realCaret: Box; realSelection: Box; column: Box }>((resolve) =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            const box = (r: DOMRect): Box => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
            const union = (rects: DOMRect[]): Box | null =>
              rects.length === 0
                ? null
                : {
                    left: Math.min(...rects.map((r) => r.left)),
                    top: Math.min(...rects.map((r) => r.top)),
                    right: Math.max(...rects.map((r) => r.right)),
                    bottom: Math.max(...rects.map((r) => r.bottom)),
                  };
            const section = document.querySelectorAll('.editor-root section[data-segment-id]')[i];
            const text = document.createTreeWalker(section, NodeFilter.SHOW_TEXT).nextNode() as Text;
            const range = document.createRange();
            range.setStart(text, s);
            range.setEnd(text, e);
            const realSelection = box(range.getBoundingClientRect());
            range.collapse(false);
            const realCaret = box(range.getBoundingClientRect());
            const caret = document.querySelector('.cursors .collab-caret');
            const selections = [...document.querySelectorAll('.cursors .collab-selection')].map((el) => el.getBoundingClientRect());
            const root = document.querySelector('.editor-root')!.getBoundingClientRect();
            const head = document.querySelector('.sheet-head .col-target')!.getBoundingClientRect();
            resolve({
              caret: caret ? box(caret.getBoundingClientRect()) : null,
              selection: union(selections.filter((r) => r.width > 0)),
              realCaret,
              realSelection,
              column: { left: head.left, top: root.top, right: head.right, bottom: root.bottom },
            });
          }),
        ),
      ),
    [segment, start, end] as const,
  );
}

const TOLERANCE_PX = 3;

/** What is wrong with the drawing, as text: nothing when it is in place. */
async function misplaced(page: Page, place: Place): Promise<string[]> {
  const { caret, selection, realCaret, realSelection, column } = await drawn(page, place);
  if (!caret || !selection) return [`nothing drawn (caret ${!!caret}, selection ${!!selection})`];
  const problems: string[] = [];
  const off = (what: string, a: number, b: number) => Math.abs(a - b) > TOLERANCE_PX && problems.push(`${what} at ${a.toFixed(1)}, not ${b.toFixed(1)}`);
  off('caret x', (caret.left + caret.right) / 2, realCaret.left);
  off('caret top', caret.top, realCaret.top);
  off('caret bottom', caret.bottom, realCaret.bottom);
  for (const edge of ['left', 'top', 'right', 'bottom'] as const) off(`selection ${edge}`, selection[edge], realSelection[edge]);
  for (const [what, b] of [['caret', caret], ['selection', selection]] as const) {
    const inside = b.left >= column.left - 1 && b.right <= column.right + 1 && b.top >= column.top && b.bottom <= column.bottom;
    if (!inside) problems.push(`${what} outside the translation column`);
  }
  return problems;
}

async function expectInPlace(page: Page, place: Place, timeout = 1000): Promise<void> {
  await eventually(async () => expect(await misplaced(page, place)).toEqual([]), { timeout, interval: 50 });
}

/** Checks the drawing, then again with its row in the middle of the screen, and takes a picture. */
async function expectShownInPlace(page: Page, place: Place, name: string): Promise<void> {
  await expectInPlace(page, place);
  await page.evaluate((i) => document.querySelectorAll('.editor-root section[data-segment-id]')[i].scrollIntoView({ block: 'center' }), place.segment);
  await expectInPlace(page, place);
  await screenshot(page, `remote-cursors-${name}`);
}

describe('other people’s cursors (e2e)', { timeout: 90_000 }, () => {
  it('SPEC 10.24 a remote caret and selection are redrawn where they belong after every layout change, inside the translation column', async () => {
    const doc = await suite.server.createDocument(LONG);
    const ana = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Ana' });
    const bimal = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Bimal' });
    const { page } = ana;
    await eventually(async () => expect(await page.locator('.src-row.placed').count()).toBe(ROWS), { timeout: 10_000 });
    await select(bimal.page, NEAR);
    await eventually(async () => expect(await page.locator('.cursors .collab-name', { hasText: 'Bimal' }).count()).toBe(1), { timeout: 10_000 });
    await expectInPlace(page, NEAR, 5000);
    await expectShownInPlace(page, NEAR, 'start');

    // A side panel makes the sheet narrower: every line below its top wraps again.
    await page.getByTestId('qa-badge').click();
    await page.getByTestId('qa-panel').waitFor();
    await expectShownInPlace(page, NEAR, 'qa-panel');

    // The review margin appears beside the sheet once there is a comment.
    const { body } = await suite.server.api('GET', `/api/documents/${doc.id}`);
    const comment = { segmentId: body.segments[0].id, text: 'Check the figures.' };
    expect((await suite.server.api('POST', `/api/documents/${doc.id}/comments`, comment, doc.tokens.reviewer)).status).toBe(201);
    await page.locator('.review-margin:not([hidden])').waitFor({ timeout: 10_000 });
    await expectShownInPlace(page, NEAR, 'review-margin');
    await page.getByTestId('qa-badge').click();
    await page.getByTestId('qa-panel').waitFor({ state: 'detached' });
    await expectShownInPlace(page, NEAR, 'panel-closed');

    // On a narrow screen each source sits above its translation; then back.
    await page.setViewportSize({ width: 600, height: 800 });
    await expectShownInPlace(page, NEAR, 'narrow');
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectShownInPlace(page, NEAR, 'wide-again');

    // A reload, with the other person far down the article: drawn before the rows above have their
    // real heights (sources, fonts, guessed heights, rows laid out as they are scrolled to), the
    // caret follows each change.
    await select(bimal.page, FAR);
    await page.reload();
    await page.waitForSelector('.editor-root section[data-segment-id]', { timeout: 15_000 });
    await eventually(async () => expect(await page.locator('.cursors .collab-name', { hasText: 'Bimal' }).count()).toBe(1), { timeout: 10_000 });
    await expectInPlace(page, FAR);
    await page.waitForTimeout(2500); // the sources, the fonts and the guessed heights are in
    await expectShownInPlace(page, FAR, 'reloaded');

    expect(ana.errors).toEqual([]);
    expect(bimal.errors).toEqual([]);
    await Promise.all([ana.context.close(), bimal.context.close()]);
  });
});
