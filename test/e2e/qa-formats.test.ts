// Export formats and unresolved work in the desk: the menu offers docx, XLIFF and JSON beside txt,
// md and html, and asks before exporting while QA errors (or open suggestions, threads) remain;
// the New-article dialog imports XLIFF and Word files. (SPEC 12.10, 12.11)
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../helpers/server.js';
import { eventually } from '../helpers/eventually.js';
import { openArticle, openPage, screenshot, segmentTexts } from '../helpers/browser.js';
import { PACKAGE_ROOT } from '../../server/paths.js';
import { deskSuite } from '../helpers/desk-suite.js';

const suite = deskSuite();

describe('export formats and imports in the desk (e2e)', { timeout: 60_000 }, () => {
  it('SPEC 12.10 the export menu offers docx, XLIFF and JSON, and asks before exporting while QA errors remain', async () => {
    const doc = await suite.server.createDocument({ source: 'Headline\n\nThe letter has 1,200 signatures.', target: 'শিরোনাম\n\nচিঠিতে ১,৩০০টি স্বাক্ষর আছে।' });
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.viewer), { name: 'Exporter' });
    const { page } = desk;
    await page.getByRole('button', { name: 'Export' }).click();
    const items = await page.getByRole('menuitem').allTextContents();
    expect(items).toEqual(['Plain text.txt', 'Markdown.md', 'HTML.html', 'Word.docx', 'XLIFF 2.0.xlf', 'JSON.json']);
    await screenshot(page, 'qa-export-menu');
    await page.getByRole('menuitem', { name: /Word/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Export with unresolved work?' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('unresolved-dialog').locator('.unresolved-lead').textContent()).toBe('1 QA error — export anyway?');
    await screenshot(page, 'qa-export-warning');
    // Cancel saves nothing; "Show QA issues" opens the panel.
    await dialog.getByRole('button', { name: 'Show QA issues' }).click();
    await page.getByTestId('qa-panel').waitFor();
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: /XLIFF/ }).click();
    await dialog.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export anyway' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlf$/);
    const xliff = await readFile((await download.path())!, 'utf8');
    expect(xliff).toContain('চিঠিতে ১,৩০০টি স্বাক্ষর আছে।</target>');
    expect(await dialog.count()).toBe(0);

    // Without unresolved work, the file comes at once.
    const clean = await suite.server.createDocument({ source: 'Headline\n\nThe letter has 1,200 signatures.', target: 'শিরোনাম\n\nচিঠিতে ১,২০০টি স্বাক্ষর আছে।' });
    await page.goto(suite.link(clean.id, clean.tokens.viewer));
    await page.waitForSelector('.editor-root section[data-segment-id]');
    for (const [label, extension] of [['JSON', 'json'], ['Word', 'docx']] as const) {
      await page.getByRole('button', { name: 'Export' }).click();
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: new RegExp(label) }).click()]);
      expect(file.suggestedFilename()).toBe(`শিরোনাম.${extension}`);
      if (extension === 'json') expect(JSON.parse(await readFile((await file.path())!, 'utf8')).segments[1].target).toBe('চিঠিতে ১,২০০টি স্বাক্ষর আছে।');
    }
    expect(await dialog.count()).toBe(0);
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });

  it('SPEC 12.11 the New-article dialog imports an XLIFF file (languages from the file) and a Word draft', async () => {
    const desk = await openPage(suite.browser, `${suite.server.url}/?token=${ADMIN_TOKEN}`);
    const { page } = desk;
    const drop = async (index: number, name: string, bytes: number[], type: string) =>
      page.evaluate(
        ([i, n, b, t]) => {
          const data = new DataTransfer();
          data.items.add(new File([new Uint8Array(b as number[])], n as string, { type: t as string }));
          document.querySelectorAll('textarea')[i as number].dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        },
        [index, name, bytes, type] as const,
      );
    const xliff = await readFile(join(PACKAGE_ROOT, 'test', 'fixtures', 'article-2.0.xlf'));
    await page.getByRole('button', { name: 'New article' }).first().click();
    await page.getByRole('combobox', { name: /^From\b/ }).fill('fr');
    await drop(0, 'libraries.xlf', [...xliff], 'application/xliff+xml');
    const card = page.getByTestId('import-file');
    await card.waitFor();
    expect(await card.textContent()).toContain('XLIFF · 3 units · 1 note · English → Bangla');
    expect(await card.textContent()).toContain('its notes become comments');
    expect(await page.getByRole('combobox', { name: /^From\b/ }).inputValue()).toBe('en');
    expect(await page.getByLabel('Into').inputValue()).toBe('bn');
    await screenshot(page, 'qa-import-xliff');
    await page.getByRole('button', { name: 'Create article' }).click();
    const share = page.getByRole('dialog', { name: /Share/ });
    await share.waitFor();
    const editorLink = await share.getByTestId('share-editor').locator('input').inputValue();
    const id = new URL(editorLink).pathname.split('/')[2];
    const { body } = await suite.server.api('GET', `/api/documents/${id}`);
    expect(body).toMatchObject({ sourceLang: 'en', targetLang: 'bn' });
    // Unit ids that are valid segment ids are kept (p1 and p2 are too short); statuses come from the states.
    expect(body.segments.map((s: { status: string }) => s.status)).toEqual(['approved', 'translated', 'draft']);
    expect(body.segments[0].id).toBe('headline01');
    await share.getByRole('button', { name: 'Done' }).click();

    // A Word draft (here: Tandem's own docx export of that article), with a pasted source.
    const docx = await fetch(`${suite.server.url}/api/documents/${id}/export?format=docx`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    await page.getByRole('button', { name: 'New article' }).first().click();
    await drop(1, 'draft.docx', [...new Uint8Array(await docx.arrayBuffer())], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    await card.waitFor();
    expect(await card.textContent()).toContain('Word document');
    await page.getByLabel('Title').fill('From Word');
    await page.getByLabel('Source', { exact: true }).fill('Dhaka’s libraries put 10,000 rare books online\n\nThe city’s public libraries scanned 10,000 books & maps.');
    await page.getByRole('button', { name: 'Create article' }).click();
    await share.waitFor();
    const wordLink = await share.getByTestId('share-editor').locator('input').inputValue();
    const article = await openArticle(suite.browser, wordLink, { name: 'Word Editor' });
    await eventually(async () => expect((await segmentTexts(article.page))[0]).toBe('ঢাকার গ্রন্থাগারগুলো ১০,০০০ দুর্লভ বই অনলাইনে তুলল'));
    expect(await article.page.locator('.src-text').first().textContent()).toBe('Dhaka’s libraries put 10,000 rare books online');
    expect([...desk.errors, ...article.errors]).toEqual([]);
    await Promise.all([desk.context.close(), article.context.close()]);
  });
});
