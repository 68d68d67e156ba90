// Repetitions in the desk (SPEC 18.24): rows whose source another row repeats are marked; an
// editor turns propagation off in the sheet's head, every page following; confirming then fills
// nothing, and the status menu's "Use for repetitions" fills the untouched draft, live, with its
// "Repetitions" comment. A reviewer sees the switch but cannot move it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually } from '../helpers/eventually.js';
import { openArticle, screenshot, segmentTexts } from '../helpers/browser.js';
import { deskSuite } from '../helpers/desk-suite.js';

const suite = deskSuite();

const SAID = 'The White House said in a statement.';
const SAID_BN = 'হোয়াইট হাউস এক বিবৃতিতে বলেছে।';
const ARTICLE = {
  source: `${SAID}\n\nFloods in the north.\n\nthe White House said in a statement.`,
  target: `${SAID_BN}\n\nউত্তরে বন্যা।\n\nযন্ত্রের খসড়া।`,
};

const row = (page: Page, index: number) => page.locator('[data-source-for]').nth(index);
const marks = (page: Page) => page.locator('[data-source-for]').evaluateAll((rows) => rows.map((r) => r.querySelector('[data-testid="repeat-mark"]')?.textContent ?? null));
const statusOf = (page: Page, index: number) => row(page, index).getByTestId('status-button').getAttribute('aria-label');

async function switchState(page: Page) {
  await page.getByTestId('repetitions').click();
  const toggle = page.getByTestId('propagate-repetitions');
  const state = { checked: await toggle.isChecked(), disabled: await toggle.isDisabled() };
  await page.keyboard.press('Escape');
  return state;
}

describe('repetitions in the desk (e2e)', { timeout: 120_000 }, () => {
  it('SPEC 18.24 repeated rows are marked; with propagation switched off, "Use for repetitions" fills the untouched draft on every page', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    const omar = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Omar' });
    const rina = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.reviewer), { name: 'Rina' });
    for (const { page } of [omar, rina]) {
      await eventually(async () => expect(await marks(page)).toEqual(['Repeated ×2', null, 'Repeated ×2']), { timeout: 10_000 });
    }
    expect(await row(rina.page, 0).getByTestId('repeat-mark').getAttribute('title')).toBe('The same source as segment 3');
    expect(await switchState(rina.page)).toEqual({ checked: true, disabled: true });

    // The editor turns it off; the reviewer's page follows.
    await omar.page.getByTestId('repetitions').click();
    await omar.page.getByTestId('propagate-repetitions').click();
    await eventually(async () => expect(await omar.page.getByTestId('propagate-repetitions').isChecked()).toBe(false));
    await omar.page.keyboard.press('Escape');
    await eventually(async () => expect(await rina.page.getByTestId('repetitions').getAttribute('aria-label')).toBe('Repetitions: not filled'));

    // Confirming fills nothing now.
    await row(omar.page, 0).getByTestId('status-button').click();
    await omar.page.getByRole('menuitemradio', { name: /Translated/ }).click();
    await eventually(async () => expect(await statusOf(rina.page, 0)).toContain('Translated'));
    expect((await segmentTexts(rina.page))[2]).toBe('যন্ত্রের খসড়া।');

    // On request, from the confirmed row's menu.
    await row(omar.page, 0).getByTestId('status-button').click();
    await omar.page.getByTestId('use-for-repetitions').click();
    for (const { page } of [omar, rina]) {
      await eventually(async () => expect((await segmentTexts(page))[2]).toBe(SAID_BN), { timeout: 10_000 });
      await eventually(async () => expect(await page.getByText('Repetition of segment 1: filled in from its translation').count()).toBeGreaterThan(0), { timeout: 10_000 });
    }
    expect(await statusOf(rina.page, 2)).toContain('Draft');
    // A row without repetitions offers no such action.
    await row(omar.page, 1).getByTestId('status-button').click();
    expect(await omar.page.getByTestId('use-for-repetitions').count()).toBe(0);
    await omar.page.keyboard.press('Escape');
    await screenshot(omar.page, 'repetitions-filled');
    expect([...omar.errors, ...rina.errors]).toEqual([]);
    await Promise.all([omar.context.close(), rina.context.close()]);
  });
});
