// The keyboard help (the sheet head's "?") lists the shortcuts of the mode one is in: editing,
// suggesting, reading; on a Mac with ⌘. (SPEC 10.27)
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openArticle, screenshot } from '../helpers/browser.js';
import { deskSuite } from '../helpers/desk-suite.js';
import { ARTICLE } from './review-helpers.js';

const suite = deskSuite();

/** Opens the help and reads its rows: [keys, what they do]. */
async function helpRows(page: Page): Promise<Array<[string, string]>> {
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  if ((await help.count()) === 0) await page.getByTestId('help').click();
  await help.waitFor();
  return help.locator('.help-row').evaluateAll((rows) => rows.map((row) => [row.querySelector('dt')!.textContent!, row.querySelector('dd')!.textContent!]));
}

const closeHelp = (page: Page) => page.keyboard.press('Escape');

describe('keyboard help (e2e)', { timeout: 60_000 }, () => {
  it('SPEC 10.27 an editor’s help lists every shortcut of Editing mode, then of Suggesting mode after the switch', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Omar' });
    const { page } = desk;
    expect(await helpRows(page)).toEqual([
      ['Ctrl+B', 'Bold'],
      ['Ctrl+I', 'Italic'],
      ['Ctrl+K', 'Link'],
      ['Ctrl+Z', 'Undo your last change'],
      ['Ctrl+Y', 'Redo'],
      ['Ctrl+H', 'Find and replace'],
      ['Ctrl+S', 'Show the save state'],
      ['Ctrl+Alt+M', 'Comment on the selection'],
      ['Alt+Shift+T', 'Split the segment at the caret'],
      ['Alt+Shift+J', 'Merge the segment with the next'],
      ['Ctrl+Enter', 'Translated, next segment'],
      ['Ctrl+Alt+1', 'Draft'],
      ['Ctrl+Alt+2', 'Translated'],
      ['Ctrl+Alt+3', 'Reviewed'],
      ['Ctrl+Alt+4', 'Approved'],
      ['↑ ↓ on a status', 'Row above · below'],
      ['Alt+Shift+M', 'Memory panel: matches for the segment'],
      ['Ctrl+1 … Ctrl+5', 'Insert match 1 … 5'],
      ['Ctrl+Shift+K', 'Search the memory for the selection'],
    ]);
    await screenshot(page, 'help-editing');
    await closeHelp(page);

    await page.getByRole('radio', { name: 'Suggesting' }).click();
    const suggesting = await helpRows(page);
    expect(suggesting.map(([keys]) => keys)).toEqual(['Select, type', 'Select, Delete', 'Click, type', 'Enter · Esc', 'Ctrl+Alt+M', 'Ctrl+Enter', 'Ctrl+Alt+1', 'Ctrl+Alt+2', 'Ctrl+Alt+3', 'Ctrl+Alt+4', '↑ ↓ on a status', 'Alt+Shift+M', 'Ctrl+1 … Ctrl+5', 'Ctrl+Shift+K']);
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });

  it('SPEC 10.27 on a Mac the keys are written with ⌘; a reviewer sees Suggesting and Reviewed, a viewer that they read', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'platform', { get: () => 'MacIntel' }));
    const mac = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Mac Editor', context });
    const keys = (await helpRows(mac.page)).map(([k]) => k);
    expect(keys.slice(0, 10)).toEqual(['⌘B', '⌘I', '⌘K', '⌘Z', '⇧⌘Z', '⇧⌘H', '⌘S', '⌘⌥M', '⌥⇧T', '⌥⇧J']);
    expect(keys[10]).toBe('⌘Enter');

    const reviewer = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.reviewer), { name: 'Rina' });
    expect(await helpRows(reviewer.page)).toEqual([
      ['Select, type', 'Suggest a replacement'],
      ['Select, Delete', 'Suggest a deletion'],
      ['Click, type', 'Suggest an insertion'],
      ['Enter · Esc', 'Send · cancel'],
      ['Ctrl+Alt+M', 'Comment on the selection'],
      ['Ctrl+Enter', 'Reviewed, next segment'],
      ['Ctrl+Alt+3', 'Reviewed'],
      ['↑ ↓ on a status', 'Row above · below'],
      ['Alt+Shift+M', 'Memory panel: matches for the segment'],
      ['Ctrl+1 … Ctrl+5', 'Suggest match 1 … 5'],
      ['Ctrl+Shift+K', 'Search the memory for the selection'],
    ]);
    await screenshot(reviewer.page, 'help-reviewer');

    const viewer = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.viewer), { name: 'Vera' });
    expect(await helpRows(viewer.page)).toEqual([
      ['Alt+Shift+M', 'Memory panel: matches for the segment'],
      ['Ctrl+Shift+K', 'Search the memory for the selection'],
    ]);
    expect(await viewer.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).textContent()).toContain('Viewers read and export');
    expect([...mac.errors, ...reviewer.errors, ...viewer.errors]).toEqual([]);
    await Promise.all([context.close(), reviewer.context.close(), viewer.context.close()]);
  });
});
