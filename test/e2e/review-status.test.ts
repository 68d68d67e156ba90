// Segment statuses in the browser: by keyboard and by the row's menu, within each role's rights;
// the header's progress follows live on every page; the review margin on a narrow screen. (SPEC 15, 11.6)
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually } from '../helpers/eventually.js';
import { caretAtEnd, openArticle, screenshot } from '../helpers/browser.js';
import { ARTICLE, personal, selectText } from './review-helpers.js';
import { deskSuite } from '../helpers/desk-suite.js';
import { countWords } from '../../shared/word-count.js';

const suite = deskSuite();
const TARGETS = ARTICLE.target.split('\n\n');

const pill = (page: Page, index: number) => page.locator('[data-source-for] .status-pill').nth(index);
const tally = (page: Page, state: string, what: 'segments' | 'words') =>
  page.locator('.progress-compact').getAttribute(`data-${state}-${what}`).then(Number);

describe('statuses and progress (e2e)', { timeout: 90_000 }, () => {
  it('SPEC 15.7 statuses by shortcut and by menu, within the role; progress updates live on both pages', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    const rina = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.reviewer), { name: 'Rina' });
    const omar = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Omar' });
    await eventually(async () => expect(await tally(rina.page, 'draft', 'segments')).toBe(4));

    // The editor, caret in segment 1: Ctrl+Alt+2 marks it translated.
    await caretAtEnd(omar.page, 0);
    await omar.page.keyboard.press('Control+Alt+Digit2');
    await eventually(async () => expect(await pill(rina.page, 0).textContent()).toBe('Translated'), { timeout: 10_000 });
    expect(await omar.page.locator('[contenteditable="true"]').textContent()).toContain(TARGETS[0]);

    // The reviewer's menu offers only "Reviewed".
    await rina.page.getByTestId('status-button').first().click();
    await expect(rina.page.getByRole('menuitemradio', { name: /Draft/ }).getAttribute('aria-disabled')).resolves.toBe('true');
    await rina.page.waitForTimeout(250);
    await screenshot(rina.page, 'review-status-menu');
    await rina.page.getByRole('menuitemradio', { name: /Reviewed/ }).click();
    await eventually(async () => expect(await pill(omar.page, 0).textContent()).toBe('Reviewed'), { timeout: 10_000 });

    // …and by shortcut in segment 2; approving is not theirs to do.
    await selectText(rina.page, 1, 'নেটওয়ার্ক');
    await rina.page.keyboard.press('Control+Alt+Digit3');
    await eventually(async () => expect(await pill(omar.page, 1).textContent()).toBe('Reviewed'), { timeout: 10_000 });
    await rina.page.keyboard.press('Control+Alt+Digit4');
    await eventually(async () => expect(await rina.page.getByTestId('notices').textContent()).toContain('reviewer'));
    await eventually(async () => expect(await pill(rina.page, 1).textContent()).toBe('Reviewed'), { timeout: 10_000 });

    // The editor approves segment 1 from its menu.
    await omar.page.getByTestId('status-button').first().click();
    await omar.page.getByRole('menuitemradio', { name: /Approved/ }).click();
    for (const { page } of [rina, omar]) {
      await eventually(async () => {
        expect(await tally(page, 'approved', 'segments')).toBe(1);
        expect(await tally(page, 'approved', 'words')).toBe(countWords(TARGETS[0]));
        expect(await tally(page, 'reviewed', 'segments')).toBe(1);
        expect(await tally(page, 'reviewed', 'words')).toBe(countWords(TARGETS[1]));
        expect(await tally(page, 'draft', 'segments')).toBe(2);
      }, { timeout: 10_000 });
    }
    await rina.page.getByTestId('progress').click();
    await rina.page.waitForTimeout(250); // the popover's entrance, for the screenshot
    await expect(rina.page.locator('.progress-table tr[data-state="approved"]').textContent()).resolves.toContain(`${countWords(TARGETS[0])}`);
    await screenshot(rina.page, 'review-progress');

    // Editing an approved segment sends it back to translated, for everyone.
    await caretAtEnd(omar.page, 0);
    await omar.page.keyboard.type(' আজ');
    for (const { page } of [rina, omar]) {
      await eventually(async () => {
        expect(await pill(page, 0).textContent()).toBe('Translated');
        expect(await tally(page, 'approved', 'segments')).toBe(0);
        expect(await tally(page, 'translated', 'words')).toBe(countWords(TARGETS[0]) + 1);
      }, { timeout: 10_000 });
    }
    expect([...rina.errors, ...omar.errors]).toEqual([]);
    await Promise.all([rina.context.close(), omar.context.close()]);
  });

  it('SPEC 15.7 Ctrl+Enter confirms the segment at the caret for the role, never lowering it, and goes to the next', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    const omar = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Omar' });
    const rina = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.reviewer), { name: 'Rina' });
    const caretSegment = (page: Page) =>
      page.evaluate(() => {
        const anchor = document.getSelection()?.anchorNode;
        const section = (anchor instanceof Element ? anchor : anchor?.parentElement)?.closest('section[data-segment-id]');
        return [...document.querySelectorAll('.editor-root section[data-segment-id]')].indexOf(section as Element);
      });

    // The editor confirms segments 1 and 2 in a row: each becomes translated, the text stays as it was.
    await caretAtEnd(omar.page, 0);
    await omar.page.keyboard.press('Control+Enter');
    await eventually(async () => expect(await caretSegment(omar.page)).toBe(1));
    await omar.page.keyboard.press('Control+Enter');
    await eventually(async () => expect(await caretSegment(omar.page)).toBe(2));
    for (const index of [0, 1]) await eventually(async () => expect(await pill(rina.page, index).textContent()).toBe('Translated'), { timeout: 10_000 });
    expect(await omar.page.locator('.editor-root section').allTextContents()).toEqual(TARGETS);

    // The reviewer marks segment 1 reviewed the same way; the editor's confirming it again keeps it reviewed.
    await selectText(rina.page, 0, TARGETS[0].split(' ')[0], true);
    await rina.page.keyboard.press('Control+Enter');
    await eventually(async () => expect(await pill(omar.page, 0).textContent()).toBe('Reviewed'), { timeout: 10_000 });
    await eventually(async () => expect(await caretSegment(rina.page)).toBe(1));
    await caretAtEnd(omar.page, 0);
    await omar.page.keyboard.press('Control+Enter');
    await eventually(async () => expect(await caretSegment(omar.page)).toBe(1));
    await omar.page.waitForTimeout(500);
    expect(await pill(rina.page, 0).textContent()).toBe('Reviewed');
    // Typing goes on at the start of the next segment.
    await omar.page.keyboard.type('নতুন ');
    await eventually(async () => expect(await omar.page.locator('.editor-root section').nth(1).textContent()).toBe(`নতুন ${TARGETS[1]}`));
    expect([...rina.errors, ...omar.errors]).toEqual([]);
    await Promise.all([rina.context.close(), omar.context.close()]);
  });

  it('SPEC 10.22 the status column is one tab stop; arrows move between its rows, and Tab comes back to the last one', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    // An open comment on segment 2: its row's counts are reached from its status, not by Tab.
    const reviewer = await personal(suite.server, doc.id, doc.tokens.reviewer, 'Rina');
    const segments = (await suite.server.api('GET', `/api/documents/${doc.id}`)).body.segments as Array<{ id: string }>;
    expect((await suite.server.api('POST', `/api/documents/${doc.id}/comments`, { segmentId: segments[1].id, text: 'Check the date' }, reviewer)).status).toBe(201);
    const { page, errors, context } = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor));
    await eventually(async () => expect(await page.getByTestId('status-button').count()).toBe(4));
    await eventually(async () => expect(await page.getByTestId('segment-counts').count()).toBe(1));
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
    /** Presses the keys in turn; answers what has the focus then. */
    const after = async (...keys: string[]) => {
      for (const key of keys) await page.keyboard.press(key);
      return focused();
    };

    // From the sheet head's last button (the toolbar's), one Tab reaches the column and the next the translation.
    await page.locator('.sheet-head button').last().focus();
    expect(await after('Tab')).toMatch(/^Status of segment 1:/);
    expect(await after('Tab')).toBe('Translation');

    // Back into the column, down to row 2 and across to its counts, down to row 3.
    expect(await after('Shift+Tab', 'ArrowDown', 'ArrowRight')).toBe('1 open comment');
    expect(await after('ArrowLeft')).toMatch(/^Status of segment 2:/);
    expect(await after('ArrowRight', 'ArrowDown')).toMatch(/^Status of segment 3:/);
    // Out and back: the stop stayed on row 3.
    expect(await after('Tab')).toBe('Translation');
    expect(await after('Shift+Tab')).toMatch(/^Status of segment 3:/);
    expect(await after('End')).toMatch(/^Status of segment 4:/);
    expect(await after('ArrowDown')).toMatch(/^Status of segment 4:/);
    expect(await after('Home', 'ArrowUp')).toMatch(/^Status of segment 1:/);

    // Enter still opens the row's menu, whose items the arrows walk.
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await focused()).toMatch(/Draft|Translated/));
    const first = await focused();
    expect(await after('ArrowDown')).not.toBe(first);
    expect(await after('Escape')).toMatch(/^Status of segment 1:/);
    expect(await page.locator('.status-button[tabindex="0"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('SPEC 15.8 on a narrow screen the cards are listed below the article, by segment', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    const token = await personal(suite.server, doc.id, doc.tokens.reviewer, 'Rina');
    const ids = (await suite.server.api('GET', `/api/documents/${doc.id}`)).body.segments.map((s: { id: string }) => s.id);
    await suite.server.api('POST', `/api/documents/${doc.id}/suggestions`, { segmentId: ids[1], find: 'দুর্লভ', text: 'বিরল', note: 'সহজ শব্দ' }, token);
    await suite.server.api('POST', `/api/documents/${doc.id}/comments`, { segmentId: ids[3], text: 'Is the date right?' }, token);
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Omar', viewport: { width: 720, height: 1000 } });
    await eventually(async () => expect(await desk.page.locator('.card').count()).toBe(2), { timeout: 10_000 });
    const sheet = await desk.page.locator('.sheet').boundingBox();
    const margin = await desk.page.getByTestId('review-margin').boundingBox();
    expect(margin!.y).toBeGreaterThanOrEqual(sheet!.y + sheet!.height);
    expect(margin!.width).toBeGreaterThan(600);
    await desk.page.getByTestId('review-margin').scrollIntoViewIfNeeded();
    await screenshot(desk.page, 'review-narrow');
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });
});
