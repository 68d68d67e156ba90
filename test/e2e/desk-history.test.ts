// History in the desk: the panel's versions, a version against the current text (the Bengali word
// diff coloured), restore seen live by another page, the roles, a segment's own history and who
// last changed a row, in both colour schemes. (SPEC 16.10–16.15, 10.28)
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually } from '../helpers/eventually.js';
import { caretAtEnd, openArticle, screenshot, segmentTexts } from '../helpers/browser.js';
import { deskSuite } from '../helpers/desk-suite.js';
import { startTestServer } from '../helpers/server.js';
import { measureContrast } from '../helpers/contrast.js';
import { ARTICLE, personal } from './review-helpers.js';

const suite = deskSuite();
const TARGETS = ARTICLE.target.split('\n\n');

/** Replaces `find` in segment `index` as typing over a selection would. */
async function replaceText(page: Page, index: number, find: string, text: string): Promise<void> {
  await page.evaluate(
    ([i, f]) => {
      const root = document.querySelector('.editor-root') as HTMLElement;
      const section = document.querySelectorAll('.editor-root section[data-segment-id]')[i as number];
      root.focus();
      const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(f as string);
        if (at !== -1) return document.getSelection()!.setBaseAndExtent(node, at, node, at + (f as string).length);
      }
      throw new Error(`"${f}" is not in segment ${i}`);
    },
    [index, find] as const,
  );
  await page.waitForTimeout(80); // Lexical reads the selection on selectionchange
  await page.keyboard.insertText(text);
}

const openHistory = async (page: Page) => {
  await page.getByTestId('history-button').click();
  await page.getByTestId('version-list').waitFor();
};
const versionRow = (page: Page, name: string) => page.getByTestId('version').filter({ has: page.locator('.version-name', { hasText: new RegExp(`^${name}$`) }) });
const tipOf = async (page: Page, row: number) => {
  await page.mouse.move(640, 790);
  await page.locator('.src-number').nth(row).hover();
  return page.getByTestId('changed-tip').textContent();
};

describe('history in the desk (e2e)', { timeout: 120_000 }, () => {
  it('SPEC 16.10 16.11 16.12 16.14 16.15 an editor saves a version, edits, compares (the word diff coloured), restores, and another page sees it live', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    const omar = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Omar' });
    const rina = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.reviewer), { name: 'Rina' });
    const { page } = omar;

    // The import is the first version; the editor saves a named one from the page's own dialog.
    await openHistory(page);
    await eventually(async () => expect(await versionRow(page, 'Draft').count()).toBe(1));
    await page.getByTestId('save-version').click();
    await page.getByTestId('save-version-dialog').waitFor();
    await page.getByTestId('version-name').fill('Sent to review');
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await versionRow(page, 'Sent to review').textContent()).toContain('Omar'));
    expect(await versionRow(page, 'Sent to review').locator('time').getAttribute('title')).toMatch(/\d{4}/); // the exact time on hover
    await screenshot(page, 'history-list');

    // An edit, then the version against the current text: one word out, one in, the rest folded.
    await replaceText(page, 1, 'নেটওয়ার্ক', 'জাল');
    await eventually(async () => expect((await segmentTexts(rina.page))[1]).toContain('জাল'), { timeout: 10_000 });
    await versionRow(page, 'Sent to review').locator('.version-open').click();
    const changed = page.getByTestId('changed-segment');
    await eventually(async () => expect(await changed.count()).toBe(1), { timeout: 10_000 });
    expect(await changed.locator('del.diff-del').textContent()).toBe('নেটওয়ার্ক');
    expect(await changed.locator('ins.diff-ins').textContent()).toBe('জাল');
    expect(await changed.getByTestId('compare-row').textContent()).toBe('2');
    expect(await page.getByTestId('unchanged-fold').allTextContents()).toEqual(['1 unchanged segment', '2 unchanged segments']);
    const colours = await changed.evaluate((li) =>
      ['del', 'ins'].map((tag) => {
        const style = getComputedStyle(li.querySelector(tag)!);
        return `${style.color} on ${style.backgroundColor}`;
      }),
    );
    expect(colours[0]).not.toBe(colours[1]);
    expect(colours.every((c) => !c.includes('rgba(0, 0, 0, 0)'))).toBe(true);
    await screenshot(page, 'history-compare');
    // The comparison downloads as Word with tracked changes.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/\(Sent to review → .*\)\.docx$/);

    // Who changed the row: on hover of its number, on the other page too.
    await eventually(async () => expect(await tipOf(rina.page, 1)).toMatch(/^Last changed by Omar, (just now|\d+ seconds? ago)/), { timeout: 10_000 });
    expect(await tipOf(rina.page, 0)).toContain('Not changed since the import');
    await screenshot(rina.page, 'history-changed-tip');

    // Restore asks first in the page's dialog, naming the version and the version saved before it.
    await page.getByTestId('restore-version').click();
    const question = page.getByTestId('version-confirm');
    await question.waitFor();
    expect(await question.textContent()).toContain('Sent to review');
    expect(await question.textContent()).toContain('“Before restoring Sent to review”');
    await screenshot(page, 'history-restore-dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Restore', exact: true }).click();
    for (const p of [page, rina.page]) await eventually(async () => expect((await segmentTexts(p))[1]).toBe(TARGETS[1]), { timeout: 10_000 });
    await eventually(async () => expect(await versionRow(page, 'Before restoring Sent to review').count()).toBe(1));

    // The version saved first holds the edit: against it, the restore is the change; and the
    // segment's own history lists its texts by version.
    await versionRow(page, 'Before restoring Sent to review').locator('.version-open').click();
    await eventually(async () => expect(await changed.locator('del.diff-del').textContent()).toBe('জাল'), { timeout: 10_000 });
    await changed.getByRole('button', { name: 'History of segment 2' }).click();
    const entries = page.getByTestId('segment-version');
    await eventually(async () => expect(await entries.locator('.version-name').allTextContents()).toEqual(['Before restoring Sent to review', 'Draft']), { timeout: 10_000 });
    expect(await entries.first().locator('ins.diff-ins').textContent()).toBe('জাল');
    await screenshot(page, 'history-segment');

    // That segment alone goes back to the edited text, asked first; the other page sees it live.
    expect(await entries.nth(1).getByTestId('restore-segment').count()).toBe(0); // the Draft's text is the text now
    expect(await entries.nth(1).textContent()).toContain('The text now');
    await entries.first().getByTestId('restore-segment').click();
    expect(await page.getByRole('dialog').getByRole('heading').textContent()).toBe('Restore segment 2 only?');
    expect(await page.getByTestId('version-confirm').textContent()).toContain('no other segment changes');
    await page.getByRole('dialog').getByRole('button', { name: 'Restore', exact: true }).click();
    for (const p of [page, rina.page]) {
      await eventually(async () => expect(await segmentTexts(p)).toEqual([TARGETS[0], TARGETS[1].replace('নেটওয়ার্ক', 'জাল'), TARGETS[2], TARGETS[3]]), { timeout: 10_000 });
    }

    // Back in the list, an editor deletes the named version, asked first.
    await versionRow(page, 'Sent to review').getByRole('button', { name: /^Delete/ }).click();
    await page.getByTestId('version-confirm').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete version' }).click();
    await eventually(async () => expect(await versionRow(page, 'Sent to review').count()).toBe(0));
    expect(await versionRow(page, 'Draft').count()).toBe(1);

    // Back to editing: the panel closes, the translation has the focus.
    await versionRow(page, 'Draft').locator('.version-open').click();
    await page.getByTestId('history-done').click();
    await eventually(async () => expect(await page.getByTestId('history-panel').count()).toBe(0));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('translation');
    expect([...omar.errors, ...rina.errors]).toEqual([]);
    await Promise.all([omar.context.close(), rina.context.close()]);
  });

  it('SPEC 16.5 16.12 a restore reaches every editor live while another types elsewhere, and no page’s undo takes it back', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    const omar = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Omar' });
    const lena = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Lena' });
    const { page } = omar;
    // Omar's edit is his newest undo step; the restore below takes it back.
    await replaceText(page, 1, 'নেটওয়ার্ক', 'জাল');
    await eventually(async () => expect((await segmentTexts(lena.page))[1]).toContain('জাল'), { timeout: 10_000 });

    // Lena types at the end of the last segment while Omar restores the draft.
    const typed = ' নতুন শব্দ';
    await caretAtEnd(lena.page, 3);
    const typing = lena.page.keyboard.type(typed, { delay: 40 });
    await openHistory(page);
    await page.getByTestId('compare-draft').click();
    await page.getByTestId('changed-segment').first().waitFor();
    await page.getByTestId('restore-version').click();
    await page.getByTestId('version-confirm').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Restore', exact: true }).click();
    await typing;
    for (const p of [page, lena.page]) await eventually(async () => expect((await segmentTexts(p))[1]).toBe(TARGETS[1]), { timeout: 10_000 });
    // The last segment is the draft's, then whatever of Lena's typing reached the server after the
    // restore read the text (what came before, the restore took back): never torn, the same on both pages.
    const last = (await segmentTexts(lena.page))[3];
    expect(last.startsWith(TARGETS[3])).toBe(true);
    expect(typed.endsWith(last.slice(TARGETS[3].length))).toBe(true);
    // Her typing after the restore is kept where she types.
    await lena.page.keyboard.type(' শেষ');
    for (const p of [page, lena.page]) await eventually(async () => expect((await segmentTexts(p))[3]).toBe(`${last} শেষ`), { timeout: 10_000 });

    // Undo in either page does not take the restore back: Omar's step (জাল) is gone with it, so
    // his undo changes nothing; Lena's undoes her own typing only: " শেষ", and with it what she
    // typed just before when the two fell in one undo step (keys within half a second are one).
    await page.locator('.editor-root').focus();
    await page.keyboard.press('Control+z');
    await eventually(async () => expect(await page.getByTestId('notices').textContent()).toContain('Nothing to undo'));
    await lena.page.keyboard.press('Control+z');
    await eventually(async () => expect((await segmentTexts(lena.page))[3]).not.toContain('শেষ'), { timeout: 10_000 });
    const undone = (await segmentTexts(lena.page))[3];
    expect(undone.startsWith(TARGETS[3]) && last.startsWith(undone)).toBe(true);
    for (const p of [page, lena.page]) {
      await eventually(async () => expect(await segmentTexts(p)).toEqual([TARGETS[0], TARGETS[1], TARGETS[2], undone]), { timeout: 10_000 });
    }
    const stored = (await suite.server.api('GET', `/api/documents/${doc.id}`)).body.segments.map((s: { target: string }) => s.target);
    expect(stored).toEqual([TARGETS[0], TARGETS[1], TARGETS[2], undone]);
    expect([...omar.errors, ...lena.errors]).toEqual([]);
    await Promise.all([omar.context.close(), lena.context.close()]);
  });

  it('SPEC 16.10 16.13 16.16 reviewers and viewers see versions and comparisons without Save, Delete or Restore; "Since I last reviewed" compares with the version the reviewer’s mark recorded, after an edit sent it back too', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    const ids: string[] = (await suite.server.api('GET', `/api/documents/${doc.id}`)).body.segments.map((s: { id: string }) => s.id);
    const rinaToken = await personal(suite.server, doc.id, doc.tokens.reviewer, 'Rina');
    const editor = await personal(suite.server, doc.id, doc.tokens.editor, 'Omar');
    // Rina marks the segment Omar edits below: unchanged since the import, the mark records the Draft.
    await suite.server.api('PUT', `/api/documents/${doc.id}/segments/${ids[2]}/status`, { status: 'reviewed' }, rinaToken);
    expect((await suite.server.api('POST', `/api/documents/${doc.id}/versions`, { name: 'After review' }, editor)).status).toBe(201);

    const viewer = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.viewer), { name: 'Vera' });
    await openHistory(viewer.page);
    await eventually(async () => expect(await versionRow(viewer.page, 'After review').count()).toBe(1));
    expect(await viewer.page.getByTestId('save-version').count()).toBe(0);
    expect(await viewer.page.getByTestId('since-review').count()).toBe(0);
    expect(await viewer.page.getByTestId('version-list').getByRole('button', { name: /^Delete/ }).count()).toBe(0);
    // By the keyboard: the comparison opens with the focus on its head, and Tab goes on from there.
    await viewer.page.getByTestId('compare-draft').focus();
    await viewer.page.keyboard.press('Enter');
    await eventually(async () => expect(await viewer.page.getByTestId('compare-count').textContent()).toBe('No changes since this version'));
    expect(await viewer.page.evaluate(() => document.activeElement?.className)).toBe('compare-head');
    await viewer.page.keyboard.press('Tab');
    expect(await viewer.page.evaluate(() => document.activeElement?.textContent)).toBe('Refresh');
    expect(await viewer.page.getByTestId('restore-version').count()).toBe(0);

    // The reviewer: the same, and what changed since her mark, which Omar's edit sent back to Translated.
    const rina = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.reviewer), { name: 'Rina' });
    const omar = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Omar' });
    await replaceText(omar.page, 2, 'সাহায্য', 'সহায়তা');
    await eventually(async () => expect((await segmentTexts(rina.page))[2]).toContain('সহায়তা'), { timeout: 10_000 });
    expect((await suite.server.api('GET', `/api/documents/${doc.id}`)).body.segments[2].status).toBe('translated');
    await openHistory(rina.page);
    expect(await rina.page.getByTestId('save-version').count()).toBe(0);
    expect(await rina.page.getByTestId('version-list').getByRole('button', { name: /^Delete/ }).count()).toBe(0);
    await rina.page.getByTestId('since-review').click();
    const changed = rina.page.getByTestId('changed-segment');
    await eventually(async () => expect(await changed.locator('ins.diff-ins').textContent()).toBe('সহায়তা'), { timeout: 10_000 });
    expect(await rina.page.locator('.compare-from .diff-del').textContent()).toBe('Draft');
    expect(await rina.page.locator('.compare-reason').textContent()).toContain('the version your mark was made on');
    expect(await rina.page.getByTestId('restore-version').count()).toBe(0);
    // Its row number brings the row on screen.
    await changed.getByTestId('compare-row').click();
    await eventually(async () => expect(await rina.page.locator('.editor-root section[data-segment-id]').nth(2).isVisible()).toBe(true));
    expect([...viewer.errors, ...rina.errors, ...omar.errors]).toEqual([]);
    await Promise.all([viewer.context.close(), rina.context.close(), omar.context.close()]);
  });

  it('SPEC 16.7 16.10 automatic versions saved as bursts of typing end are gathered into one line of their day, opened on demand', async () => {
    const server = await startTestServer({ VERSION_IDLE_MS: '100', VERSION_EVERY_MS: '600000' });
    try {
      const doc = await server.createDocument(ARTICLE);
      const editor = await personal(server, doc.id, doc.tokens.editor, 'Omar');
      await server.api('POST', `/api/documents/${doc.id}/versions`, { name: 'Sent to review' }, editor);
      const omar = await openArticle(suite.browser, `${server.url}/d/${doc.id}?token=${encodeURIComponent(doc.tokens.editor)}`, { name: 'Omar' });
      const { page } = omar;
      const automatic = async () =>
        (await server.api('GET', `/api/documents/${doc.id}/versions`)).body.versions.filter((v: { auto: boolean }) => v.auto).length as number;
      // Two bursts of typing, each ending in an automatic version.
      await replaceText(page, 1, 'নেটওয়ার্ক', 'জাল');
      await eventually(async () => expect(await automatic()).toBe(1), { timeout: 10_000 });
      await replaceText(page, 2, 'সাহায্য', 'সহায়তা');
      await eventually(async () => expect(await automatic()).toBe(2), { timeout: 10_000 });

      await openHistory(page);
      const list = page.getByTestId('version-list');
      await eventually(async () => expect(await list.getByTestId('version-group').count()).toBe(1));
      const group = list.getByTestId('version-group');
      expect(await group.textContent()).toContain('2 automatic versions');
      expect(await group.getAttribute('aria-expanded')).toBe('false');
      // Named versions stand alone, newest first; the automatic ones are not listed until opened.
      expect(await page.locator('.version-list > li > [data-testid="version"] .version-name').allTextContents()).toEqual(['Sent to review', 'Draft']);
      expect(await page.locator('.version-row.auto').count()).toBe(0);
      await group.click();
      expect(await group.getAttribute('aria-expanded')).toBe('true');
      expect(await page.locator('.version-row.auto .version-name').allTextContents()).toEqual(['Automatic', 'Automatic']);
      await screenshot(page, 'history-automatic-group');
      // The older one, against the text now: the second burst's word.
      await page.locator('.version-row.auto .version-open').nth(1).click();
      const changed = page.getByTestId('changed-segment');
      await eventually(async () => expect(await changed.locator('ins.diff-ins').allTextContents()).toEqual(['সহায়তা']), { timeout: 10_000 });
      expect(omar.errors).toEqual([]);
      await omar.context.close();
    } finally {
      await server.dispose();
    }
  });

  it('SPEC 16.14 the row number’s "Last changed by" is reached by the keyboard too', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    const omar = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Omar' });
    await replaceText(omar.page, 0, 'দুর্লভ', 'বিরল');
    const rina = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.reviewer), { name: 'Rina' });
    await eventually(async () => expect((await segmentTexts(rina.page))[0]).toContain('বিরল'), { timeout: 10_000 });
    await eventually(
      async () => {
        await rina.page.locator('.status-button').first().focus();
        const tip = rina.page.getByTestId('changed-tip');
        expect(await tip.textContent()).toContain('Last changed by Omar');
        expect(await rina.page.locator('.status-button').first().getAttribute('aria-describedby')).toBe('changed-tip');
        await rina.page.locator('.editor-root').focus();
      },
      { timeout: 10_000 },
    );
    expect([...omar.errors, ...rina.errors]).toEqual([]);
    await Promise.all([omar.context.close(), rina.context.close()]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`SPEC 10.28 the History panel, a comparison, its dialogs and the row's tip meet WCAG AA (${scheme})`, async () => {
      const doc = await suite.server.createDocument(ARTICLE);
      const editor = await personal(suite.server, doc.id, doc.tokens.editor, 'Omar');
      await suite.server.api('POST', `/api/documents/${doc.id}/versions`, { name: 'Sent to review' }, editor);
      const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Omar', colorScheme: scheme });
      const { page } = desk;
      await replaceText(page, 1, 'নেটওয়ার্ক', 'জাল');
      const readable = async (what: string) => {
        await page.waitForTimeout(350); // transitions settle
        const report = await measureContrast(page);
        expect(report.checked, `${scheme} ${what}: texts measured`).toBeGreaterThan(5);
        expect(report.failures, `${scheme} ${what}: texts below WCAG AA`).toEqual([]);
        if (scheme === 'dark') expect(report.lightPanels, `${scheme} ${what}: light panels`).toEqual([]);
        await screenshot(page, `contrast-${scheme}-history-${what.replaceAll(' ', '-')}`);
      };
      await openHistory(page);
      await eventually(async () => expect(await page.getByTestId('version').count()).toBe(2));
      await readable('list');
      await versionRow(page, 'Sent to review').locator('.version-open').click();
      await eventually(async () => expect(await page.getByTestId('changed-segment').count()).toBe(1), { timeout: 10_000 });
      await page.getByTestId('unchanged-fold').first().click();
      await readable('compare');
      await page.getByTestId('restore-version').click();
      await page.getByTestId('version-confirm').waitFor();
      await readable('restore dialog');
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      await page.getByTestId('changed-segment').getByRole('button', { name: 'History of segment 2' }).click();
      await page.getByTestId('segment-version').first().waitFor();
      // The text now, in no version yet, heads the segment's history, against the newest version's.
      expect(await page.getByTestId('segment-now').locator('ins.diff-ins').textContent()).toBe('জাল');
      await readable('segment history');
      await page.getByTestId('history-back').click();
      await page.getByTestId('history-back').click();
      await page.getByTestId('save-version').click();
      await page.getByTestId('save-version-dialog').waitFor();
      await readable('save dialog');
      await page.keyboard.press('Escape');
      await eventually(async () => expect(await tipOf(page, 1)).toContain('Last changed by Omar'), { timeout: 10_000 });
      await readable('changed tip');
      expect(desk.errors).toEqual([]);
      await desk.context.close();
    });
  }
});
