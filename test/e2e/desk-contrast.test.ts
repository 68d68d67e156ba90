// The desk in the system's colour scheme: light and dark, the home page and an article with
// statuses, review cards, a suggestion, a comment, another editor's caret, QA issues, the glossary,
// the find bar, menus and dialogs; every text shown, and every mark over the text, meets WCAG AA
// against what is behind it. Screenshots of each scheme go to test-artifacts/. (SPEC 10.28)
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN } from '../helpers/server.js';
import { eventually } from '../helpers/eventually.js';
import { caretAtEnd, openArticle, openPage, screenshot, type DeskPage } from '../helpers/browser.js';
import { deskSuite } from '../helpers/desk-suite.js';
import { measureContrast, probeHighlights } from '../helpers/contrast.js';
import { personal, selectText } from './review-helpers.js';

const suite = deskSuite();
const ARTICLE = {
  title: 'Dhaka’s libraries go online',
  source: 'Dhaka’s libraries put 10,000 rare books online\n\nThe city’s library network has scanned more than 10,000 rare books.\n\nVolunteers from 12 universities helped scan the pages.\n\nSalesforce gave the scanners in 2025.',
  target:
    'ঢাকার গ্রন্থাগারগুলো ১০,০০০ দুর্লভ বই অনলাইনে তুলল\n\nশহরের গ্রন্থাগার নেটওয়ার্ক ১০,০০০-এর বেশি দুর্লভ বই স্ক্যান করেছে।\n\n১৩টি বিশ্ববিদ্যালয়ের স্বেচ্ছাসেবকেরা  পৃষ্ঠাগুলো স্ক্যান করতে সাহায্য করেছেন।\n\nসেলসফর্স ২০২৫ সালে স্ক্যানারগুলো দিয়েছে।',
};

/** Highlights that may cover one text, bottom first as their priorities paint them: a struck
 *  suggestion (review-del-N) under the item in focus, the pending selection and the QA issue picked,
 *  over find matches and comments. */
const STACKS = [
  ['review-del-', 'review-active'],
  ['review-del-', 'review-pending'],
  ['review-del-', 'qa-active'],
  ['review-comment', 'review-active'],
  ['review-comment', 'qa-active'],
  ['find-match', 'review-del-'],
  ['find-current', 'review-del-'],
  ['find-match', 'find-current'],
];

/** Whether a page's background is of the scheme: dark, or light. */
const isScheme = (scheme: 'light' | 'dark') => (luminance: number) => (scheme === 'dark' ? luminance < 0.05 : luminance > 0.8);

/** Every text shown (and, with marks, every highlight's colours) meets AA, the page's background is
 *  of the scheme and a dark page has no light panel; `what` names the state, and its screenshot. */
async function expectReadable(page: Page, scheme: 'light' | 'dark', what: string, { marks = false } = {}): Promise<void> {
  await page.waitForTimeout(350); // transitions and pop-in animations settle
  const removeProbes = marks ? await probeHighlights(page, STACKS) : null;
  const report = await measureContrast(page);
  await removeProbes?.();
  expect(report.checked, `${scheme} ${what}: texts measured`).toBeGreaterThan(5);
  expect(report.failures, `${scheme} ${what}: texts below WCAG AA`).toEqual([]);
  expect(report.pageLuminance, `${scheme} ${what}: the page's background`).toSatisfy(isScheme(scheme));
  if (scheme === 'dark') expect(report.lightPanels, `${scheme} ${what}: light panels`).toEqual([]);
  await screenshot(page, `contrast-${scheme}-${what.replaceAll(' ', '-')}`);
}

/** An article with something of everything the desk colours. */
async function busyArticle() {
  const doc = await suite.server.createDocument(ARTICLE);
  const ids: string[] = (await suite.server.api('GET', `/api/documents/${doc.id}`)).body.segments.map((s: { id: string }) => s.id);
  const rina = await personal(suite.server, doc.id, doc.tokens.reviewer, 'Rina');
  const set = (i: number, status: string) => suite.server.api('PUT', `/api/documents/${doc.id}/segments/${ids[i]}/status`, { status }, doc.tokens.editor);
  await set(0, 'approved');
  await set(1, 'reviewed');
  await set(2, 'translated');
  await suite.server.api('POST', `/api/documents/${doc.id}/suggestions`, { segmentId: ids[1], find: 'দুর্লভ', text: 'বিরল', note: 'সহজ শব্দ' }, rina);
  await suite.server.api('POST', `/api/documents/${doc.id}/suggestions`, { segmentId: ids[2], find: 'পৃষ্ঠাগুলো', text: 'পাতাগুলো' }, rina);
  const thread = await suite.server.api('POST', `/api/documents/${doc.id}/comments`, { segmentId: ids[3], text: 'Is the year right?' }, rina);
  await suite.server.api('POST', `/api/documents/${doc.id}/comments/${thread.body.id}/replies`, { text: 'Yes, checked.' }, doc.tokens.editor);
  // A unit of another article like the last row: a fuzzy match there for the Memory panel.
  const earlier = await suite.server.createDocument({ source: 'Salesforce gave the printers in 2024.', target: 'সেলসফোর্স ২০২৪ সালে প্রিন্টারগুলো দিয়েছে।' });
  const [unit] = (await suite.server.api('GET', `/api/documents/${earlier.id}`)).body.segments;
  await suite.server.api('PUT', `/api/documents/${earlier.id}/segments/${unit.id}/status`, { status: 'translated' }, earlier.tokens.editor);
  await suite.server.api('PUT', `/api/documents/${doc.id}/glossary`, { entries: [{ source: 'Salesforce', target: 'সেলসফোর্স', forbidden: ['সেলসফর্স'], note: 'the company' }] }, doc.tokens.editor);
  return doc;
}

describe('the desk in both colour schemes (e2e)', { timeout: 180_000 }, () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`SPEC 10.28 the desk follows the system's colour scheme; text meets WCAG AA contrast in both (${scheme})`, async () => {
      const pages: DeskPage[] = [];
      const doc = await busyArticle();

      // The home page: the list with progress, then each of its dialogs.
      const home = await openPage(suite.browser, `${suite.server.url}/?token=${ADMIN_TOKEN}`, { colorScheme: scheme });
      pages.push(home);
      await home.page.getByTestId('article-row').first().waitFor();
      await expectReadable(home.page, scheme, 'home');
      await home.page.getByRole('button', { name: 'New article' }).first().click();
      await home.page.getByLabel('Title').fill('A new one');
      await expectReadable(home.page, scheme, 'new article');
      await home.page.keyboard.press('Escape');
      const row = home.page.locator(`[data-testid="article-row"][data-id="${doc.id}"]`);
      await row.getByRole('button', { name: 'Share' }).click();
      await home.page.getByRole('dialog', { name: /Share/ }).waitFor();
      await expectReadable(home.page, scheme, 'share');
      await home.page.keyboard.press('Escape');
      await row.getByRole('button', { name: /^Delete/ }).click();
      await home.page.getByTestId('delete-dialog').waitFor();
      await expectReadable(home.page, scheme, 'delete');
      await home.page.getByRole('button', { name: 'Cancel' }).click();
      await home.page.getByRole('button', { name: 'Glossary', exact: true }).click();
      await home.page.getByRole('dialog').waitFor();
      await expectReadable(home.page, scheme, 'workspace glossary');
      await home.page.keyboard.press('Escape');
      await home.page.getByRole('button', { name: 'Translation memory', exact: true }).click();
      await home.page.getByRole('dialog', { name: 'Translation memory' }).getByTestId('memory-pair').first().waitFor();
      await expectReadable(home.page, scheme, 'translation memory');

      // Another editor with the caret in the third row, and the article as an editor sees it.
      const omar = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Omar', colorScheme: scheme });
      pages.push(omar);
      const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Tester', colorScheme: scheme });
      pages.push(desk);
      const { page } = desk;
      await caretAtEnd(omar.page, 2);
      await eventually(async () => expect(await page.locator('.card').count()).toBe(3), { timeout: 10_000 });
      await eventually(async () => expect(await page.locator('.cursors .collab-name').count()).toBe(1), { timeout: 10_000 });
      await eventually(async () => expect(await page.getByTestId('qa-badge').getAttribute('data-errors')).not.toBe('0'), { timeout: 10_000 });
      // Omar's caret wears his colour as the presence list shows it (the scheme's shade of it).
      const omarColors = await page.evaluate(() =>
        ['.cursors .collab-name', '.presence [data-name="Omar"] .avatar'].map((selector) => getComputedStyle(document.querySelector(selector)!).backgroundColor),
      );
      expect(omarColors[0]).toBe(omarColors[1]);
      await page.locator('.card').first().click(); // an active card, its text marked
      await expectReadable(page, scheme, 'desk', { marks: true });
      await page.getByTestId('help').click();
      await expectReadable(page, scheme, 'keyboard help');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: /^Export/ }).click();
      await expectReadable(page, scheme, 'export menu');
      await page.keyboard.press('Escape');

      // The QA panel with an issue picked, then the glossary panel.
      await page.getByTestId('qa-badge').click();
      await page.getByTestId('qa-panel').waitFor();
      await page.locator('.qa-issue').first().click();
      await expectReadable(page, scheme, 'QA panel');
      await page.getByTestId('glossary-button').click();
      await page.getByTestId('glossary-panel').waitFor();
      await expectReadable(page, scheme, 'glossary');
      await page.getByTestId('glossary-panel').getByRole('button', { name: 'Close Glossary' }).click();
      await page.locator('.src-text mark.term').first().hover();
      await page.getByTestId('term-tip').waitFor();
      await expectReadable(page, scheme, 'term tip');

      // The find bar with its matches, then a row's status menu.
      await caretAtEnd(page, 1);
      await page.keyboard.press('Control+h');
      await page.getByLabel('Find', { exact: true }).fill('গ্রন্থাগার');
      await eventually(async () => expect(await page.getByTestId('find-count').textContent()).toMatch(/of/));
      await expectReadable(page, scheme, 'find bar');
      await page.keyboard.press('Escape');
      await page.locator('.status-button').nth(1).click();
      await page.locator('.status-menu').waitFor();
      await expectReadable(page, scheme, 'status menu');
      await page.keyboard.press('Escape');
      // The Memory panel: a fuzzy match with its differences marked, and the concordance's hits.
      await page.getByTestId('memory-button').click();
      await caretAtEnd(page, 3);
      await eventually(async () => expect(await page.getByTestId('tm-match').count()).toBe(1), { timeout: 10_000 });
      await page.getByTestId('concordance-field').fill('গ্রন্থাগার');
      await eventually(async () => expect(await page.getByTestId('concordance-unit').count()).toBeGreaterThan(0), { timeout: 10_000 });
      await expectReadable(page, scheme, 'memory panel');
      await page.getByRole('button', { name: 'Close Translation memory' }).click();
      // Printed, the article takes the light scheme whatever the screen's: dark text on paper.
      await page.emulateMedia({ media: 'print' });
      await page.waitForTimeout(350); // the buttons' background transitions
      const printed = await measureContrast(page);
      expect(printed.pageLuminance).toSatisfy(isScheme('light'));
      expect(printed.failures).toEqual([]);
      await page.emulateMedia({ media: 'screen' });

      // A phone's width: each row's number and status over its source, the cards below the article.
      const phone = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Tester', colorScheme: scheme, viewport: { width: 390, height: 844 } });
      pages.push(phone);
      await eventually(async () => expect(await phone.page.locator('.card').count()).toBe(3), { timeout: 10_000 });
      await caretAtEnd(phone.page, 1);
      await expectReadable(phone.page, scheme, 'phone', { marks: true });

      // A reviewer, who suggests: the bar over a selection and the composer; then the name prompt and a
      // message page.
      const reviewer = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.reviewer), { name: 'Rina', colorScheme: scheme });
      pages.push(reviewer);
      await eventually(async () => expect(await reviewer.page.locator('.card').count()).toBe(3), { timeout: 10_000 });
      await expectReadable(reviewer.page, scheme, 'reviewer');
      await selectText(reviewer.page, 0, 'অনলাইনে');
      await reviewer.page.getByTestId('selection-bar').waitFor();
      await expectReadable(reviewer.page, scheme, 'selection bar');
      await reviewer.page.getByRole('button', { name: 'Suggest edit' }).click();
      await reviewer.page.locator('.composer').waitFor();
      await expectReadable(reviewer.page, scheme, 'composer');
      const prompt = await openPage(suite.browser, suite.link(doc.id, doc.tokens.viewer), { name: null, colorScheme: scheme });
      pages.push(prompt);
      await prompt.page.getByLabel('Your name').waitFor();
      await expectReadable(prompt.page, scheme, 'name prompt');
      const lost = await openPage(suite.browser, `${suite.server.url}/d/${doc.id}`, { colorScheme: scheme });
      pages.push(lost);
      await lost.page.getByText('This link is incomplete').waitFor();
      const message = await measureContrast(lost.page);
      expect(message.failures).toEqual([]);
      expect(message.pageLuminance).toSatisfy(isScheme(scheme));
      if (scheme === 'dark') expect(message.lightPanels).toEqual([]);

      for (const { errors, context } of pages) {
        expect(errors).toEqual([]);
        await context.close();
      }
    });
  }
});
