// The home page's Translation memory dialog in a real browser (SPEC 18.34): a TMX file dropped in
// is counted, a malformed one is refused with the server's words and nothing of it kept, and a
// pair's export downloads a TMX holding the imported units.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PACKAGE_ROOT } from '../../server/paths.js';
import { ADMIN_TOKEN } from '../helpers/server.js';
import { eventually } from '../helpers/eventually.js';
import { openArticle, openPage, screenshot } from '../helpers/browser.js';
import { deskSuite } from '../helpers/desk-suite.js';

const suite = deskSuite();
const fixture = (name: string) => join(PACKAGE_ROOT, 'test', 'fixtures', 'memory', name);

/** Drops a file on the dialog's drop zone, as a person dragging it from their files. */
async function dropFile(page: Page, name: string, text: string) {
  await page.getByTestId('file-drop').evaluate((zone, [fileName, content]) => {
    const data = new DataTransfer();
    data.items.add(new File([content], fileName, { type: 'application/xml' }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, [name, text] as const);
}

describe('the translation memory dialog (e2e)', { timeout: 60_000 }, () => {
  it('SPEC 18.34 the admin imports a TMX file, sees its units counted, is told why a malformed one is refused, and exports the pair as TMX', async () => {
    const desk = await openPage(suite.browser, `${suite.server.url}/?token=${ADMIN_TOKEN}`);
    const { page } = desk;
    await page.getByRole('button', { name: 'Translation memory', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Translation memory' });
    await dialog.getByText('The memory is empty.', { exact: false }).waitFor();

    await dropFile(page, 'home-dialog.tmx', await readFile(fixture('home-dialog.tmx'), 'utf8'));
    await expect(dialog.getByRole('status').textContent()).resolves.toBe('Imported home-dialog.tmx: 2 added, 0 updated.');
    const pair = dialog.getByTestId('memory-pair');
    await eventually(async () => expect(await pair.allTextContents()).toEqual([expect.stringMatching(/^EN.*BN.*2 units.*newest confirmed/)]));
    await screenshot(page, 'memory-dialog');

    // A malformed file, chosen rather than dropped: the server's reason, and the pair as it was.
    await dialog.getByLabel('Choose a TMX or XLIFF file').setInputFiles(fixture('missing-lang.tmx'));
    await expect(dialog.getByRole('alert').textContent()).resolves.toBe(
      'missing-lang.tmx was not imported: tu 2 (tuid broken): a <tuv> without xml:lang. Nothing of it was added.',
    );
    expect(await dialog.getByTestId('memory-units').allTextContents()).toEqual(['2 units']);
    await screenshot(page, 'memory-dialog-refused');

    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export English to Bangla as TMX' }).click()]);
    expect(download.suggestedFilename()).toBe('memory-en-bn.tmx');
    const tmx = await readFile((await download.path())!, 'utf8');
    expect(tmx).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<tmx version="1.4">/);
    expect(tmx.match(/<tu /g)).toHaveLength(2);
    expect(tmx).toContain('<tuv xml:lang="bn-BD"><seg>প্রতিবেদন: আমাদের সিলেট প্রতিনিধি।</seg></tuv>');
    expect(tmx).not.toContain('আগামীকাল');
    expect(desk.errors.filter((e) => !e.includes('400'))).toEqual([]);
    await desk.context.close();
  });

  it('SPEC 18.35 an article is added to the memory from its row on the home page and from the desk\'s menu, and the dialog counts its units', async () => {
    const finished = await readFile(fixture('finished-article.xlf'), 'utf8');
    const created = await suite.server.api('POST', '/api/documents', { format: 'xliff', content: finished, sourceLang: 'en', targetLang: 'hi', title: 'Election schedule' });
    expect(created.status).toBe(201);
    const hindi = async () => ((await suite.server.api('GET', '/api/tm/stats')).body.pairs as Array<{ targetLang: string; units: number }>).find((p) => p.targetLang === 'hi')?.units ?? 0;
    const before = await hindi();
    const home = await openPage(suite.browser, `${suite.server.url}/?token=${ADMIN_TOKEN}`);
    const row = home.page.locator(`[data-testid="article-row"][data-id="${created.body.id}"]`);
    const add = row.getByRole('button', { name: 'Add Election schedule to the translation memory' });
    await eventually(async () => expect(await add.isEnabled()).toBe(true));
    await add.click();
    await expect(home.page.getByRole('status').filter({ hasText: 'Election schedule:' }).first().textContent()).resolves.toBe(
      'Election schedule: Added 2 confirmed segments to the translation memory.',
    );
    await screenshot(home.page, 'memory-home-row');
    await home.page.getByRole('button', { name: 'Translation memory', exact: true }).click();
    const pairs = home.page.getByRole('dialog', { name: 'Translation memory' }).getByTestId('memory-pair');
    expect(await hindi()).toBe(before + 2);
    await eventually(async () => expect(await pairs.filter({ hasText: 'HI' }).textContent()).toContain(`${before + 2} units`));
    await home.context.close();

    const desk = await openArticle(suite.browser, suite.link(created.body.id, created.body.tokens.editor));
    await desk.page.getByRole('button', { name: 'Export' }).click();
    await desk.page.getByRole('menuitem', { name: 'Add to memory' }).click();
    await expect(desk.page.getByRole('status').filter({ hasText: 'translation memory' }).textContent()).resolves.toBe(
      'Added 2 confirmed segments to the translation memory (0 new, 2 updated). OK',
    );
    await screenshot(desk.page, 'memory-desk-menu');
    // A reviewer's menu has no such item: filling the memory is an editor's.
    const reviewer = await openArticle(suite.browser, suite.link(created.body.id, created.body.tokens.reviewer), { context: desk.context });
    await reviewer.page.getByRole('button', { name: 'Export' }).click();
    await reviewer.page.getByRole('menuitem', { name: 'Plain text' }).waitFor();
    expect(await reviewer.page.getByRole('menuitem', { name: 'Add to memory' }).count()).toBe(0);
    await desk.context.close();
  });
});
