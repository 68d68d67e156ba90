// Live QA in the desk: the header's badge, the panel's counts by check, an issue picked in the panel
// marked in the translation (CSS Custom Highlight API), and a fix typed by an editor clearing it.
// (SPEC 14.8–14.10)
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually } from '../helpers/eventually.js';
import { caretAtEnd, openArticle, screenshot, segmentTexts } from '../helpers/browser.js';
import { deskSuite } from '../helpers/desk-suite.js';
import { personal } from './review-helpers.js';

const suite = deskSuite();
const ARTICLE = {
  source: 'Dhaka libraries put books online\n\nThe letter has 1,200 signatures.\n\nVolunteers from 12 universities helped.',
  target: 'ঢাকার গ্রন্থাগার বই অনলাইনে তুলল\n\nচিঠিতে ১,৩০০টি স্বাক্ষর আছে।\n\n১২টি বিশ্ববিদ্যালয়ের স্বেচ্ছাসেবকেরা  সাহায্য করেছেন।',
};

/** The texts of the ranges of a named highlight (empty when there is none). */
function highlightTexts(page: Page, name: string): Promise<string[] | null> {
  return page.evaluate((n) => {
    const highlight = CSS.highlights.get(n);
    return highlight ? [...highlight].map((range) => range.toString()) : null;
  }, name);
}

describe('QA in the desk (e2e)', { timeout: 60_000 }, () => {
  it('SPEC 14.8 the QA panel counts issues by check; picking one marks its range, and a typed fix clears it within seconds', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'QA Editor' });
    const { page } = desk;
    const badge = page.getByTestId('qa-badge');
    await eventually(async () => expect(await badge.getAttribute('data-errors')).toBe('1'), { timeout: 10_000 });
    expect(await badge.getAttribute('aria-label')).toMatch(/^QA: 1 error/);
    // Every issue is underlined in the editor, by severity.
    await eventually(async () => expect(await highlightTexts(page, 'qa-error')).toEqual(['১,৩০০']));
    expect(await highlightTexts(page, 'qa-info')).toEqual(['  ']);

    await badge.click();
    const panel = page.getByTestId('qa-panel');
    await panel.waitFor();
    expect(await panel.getByTestId('qa-check-numbers').textContent()).toBe('Numbers1');
    expect(await panel.getByTestId('qa-check-whitespace').textContent()).toBe('Spacing1');
    expect(await panel.getByTestId('qa-count-error').textContent()).toContain('1');
    const issue = panel.locator('.qa-issue[data-check="numbers"]');
    expect(await issue.textContent()).toContain('Number 1,200 in the source is ১,৩০০ in the translation');

    await issue.click();
    await eventually(async () => expect(await highlightTexts(page, 'qa-active')).toEqual(['১,৩০০']));
    expect(await page.evaluate(() => CSS.highlights.has('qa-active'))).toBe(true);
    // An editor gets the issue's text selected, ready to be typed over.
    expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('১,৩০০');
    await page.waitForTimeout(400); // the smooth scroll settles before the picture
    await screenshot(page, 'qa-panel');

    await page.keyboard.type('১,২০০');
    await eventually(async () => expect(await panel.locator('.qa-issue[data-check="numbers"]').count()).toBe(0), { timeout: 5000 });
    await eventually(async () => expect(await badge.getAttribute('data-errors')).toBe('0'));
    expect(await highlightTexts(page, 'qa-error')).toEqual([]);
    expect(await page.evaluate(() => CSS.highlights.has('qa-active'))).toBe(false);
    // The suite.server agrees once the edit is stored.
    await eventually(async () => {
      const { body } = await suite.server.api('GET', `/api/documents/${doc.id}/qa`, undefined, doc.tokens.viewer);
      expect(body.issues.filter((i: { check: string }) => i.check === 'numbers')).toEqual([]);
    }, { timeout: 10_000 });
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });

  it('SPEC 14.9 QA runs in a Web Worker, uses both glossaries and follows other people\'s edits', async () => {
    const doc = await suite.server.createDocument({ source: 'Salesforce workers\n\nThe letter has 1,200 signatures.', target: 'সেলসফর্স কর্মীরা\n\nচিঠিতে ১,২০০টি স্বাক্ষর আছে।' });
    await suite.server.api('PUT', '/api/glossary', { entries: [{ source: 'Salesforce', target: 'সেলসফোর্স', forbidden: ['সেলসফর্স'] }] });
    const viewer = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.viewer), { name: 'Viewer' });
    const editor = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Editor' });
    const badge = viewer.page.getByTestId('qa-badge');
    // The workspace's forbidden term is an error on the viewer's page too.
    await eventually(async () => expect(await badge.getAttribute('data-errors')).toBe('1'), { timeout: 10_000 });
    await eventually(async () => expect(await highlightTexts(viewer.page, 'qa-error')).toEqual(['সেলসফর্স']));
    const workers = await viewer.page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /qa-worker/.test(e.name)).length);
    expect(workers).toBe(1);
    // The editor introduces a wrong number; the viewer's QA follows.
    await editor.page.evaluate(() => {
      const section = document.querySelectorAll('.editor-root section[data-segment-id]')[1];
      const text = section.querySelector('span[data-lexical-text]')!.firstChild as Text;
      const at = text.data.indexOf('১,২০০');
      (document.querySelector('.editor-root') as HTMLElement).focus();
      document.getSelection()!.setBaseAndExtent(text, at, text, at + 5);
    });
    await editor.page.keyboard.type('২,২০০');
    await eventually(async () => expect(await badge.getAttribute('data-errors')).toBe('2'), { timeout: 10_000 });
    await eventually(async () => expect((await highlightTexts(viewer.page, 'qa-error'))?.sort()).toEqual(['সেলসফর্স', '২,২০০'].sort()));
    await suite.server.api('PUT', '/api/glossary', { entries: [] });
    expect([...viewer.errors, ...editor.errors]).toEqual([]);
    await Promise.all([viewer.context.close(), editor.context.close()]);
  });

  it('SPEC 14.10 only what is on screen is underlined; picking an issue further down scrolls to it and marks it', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => i);
    const doc = await suite.server.createDocument({
      source: rows.map((i) => (i === 29 ? 'The fund holds 4,000 books.' : `Paragraph ${i + 1} of the report.`)).join('\n\n'),
      target: rows.map((i) => (i === 29 ? 'তহবিলে ৫,০০০টি বই আছে।' : `প্রতিবেদনের ${i + 1} নম্বর অনুচ্ছেদ।`)).join('\n\n'),
    });
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.reviewer), { name: 'Scroller' });
    const { page } = desk;
    const badge = page.getByTestId('qa-badge');
    await eventually(async () => expect(await badge.getAttribute('data-errors')).toBe('1'), { timeout: 10_000 });
    await page.waitForTimeout(300);
    expect(await highlightTexts(page, 'qa-error')).toEqual([]);
    await badge.click();
    await page.getByTestId('qa-panel').locator('.qa-issue[data-check="numbers"]').click();
    await eventually(async () => expect(await highlightTexts(page, 'qa-active')).toEqual(['৫,০০০']));
    await eventually(async () => expect(await highlightTexts(page, 'qa-error')).toEqual(['৫,০০০']));
    const inView = () =>
      page.evaluate(() => {
        const box = document.querySelectorAll('.editor-root section[data-segment-id]')[29].getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      });
    await eventually(async () => expect(await inView()).toBe(true));
    // A reviewer's page selects nothing (it cannot type); the editor's own selection is not moved.
    expect(await page.evaluate(() => document.getSelection()?.toString() ?? '')).toBe('');
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });

  it('SPEC 14.10 picking an issue brings its row to the middle of the screen, though rows on the way are laid out for the first time', async () => {
    // Rows of very different heights: the page's guesses for rows not yet laid out are far off.
    const rows = Array.from({ length: 80 }, (_, i) => i);
    const long = (text: string, i: number) => (i % 3 === 0 ? `${text} `.repeat(12) : text);
    const doc = await suite.server.createDocument({
      source: rows.map((i) => (i === 50 ? 'The fund holds 4,000 books.' : long(`Paragraph ${i + 1} of the report.`, i))).join('\n\n'),
      target: rows.map((i) => (i === 50 ? 'তহবিলে ৫,০০০টি বই আছে।' : long(`প্রতিবেদনের ${i + 1} নম্বর অনুচ্ছেদ।`, i))).join('\n\n'),
    });
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Jumper' });
    const { page } = desk;
    const badge = page.getByTestId('qa-badge');
    await eventually(async () => expect(await badge.getAttribute('data-errors')).toBe('1'), { timeout: 10_000 });
    await badge.click();
    await page.getByTestId('qa-panel').locator('.qa-issue[data-check="numbers"]').click();
    await eventually(async () => expect(await highlightTexts(page, 'qa-active')).toEqual(['৫,০০০']));
    const offCenter = () =>
      page.evaluate(() => {
        const box = document.querySelectorAll('.editor-root section[data-segment-id]')[50].getBoundingClientRect();
        return Math.abs(box.top + box.height / 2 - innerHeight / 2);
      });
    await eventually(async () => expect(await offCenter()).toBeLessThan(200));
    // It stays there once the page has settled.
    await page.waitForTimeout(1500);
    expect(await offCenter()).toBeLessThan(200);
    expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('৫,০০০');
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });

  it('SPEC 14.14 a name spelled two ways offers "Make all X": every occurrence in one edit, undone in one step', async () => {
    const doc = await suite.server.createDocument({
      source: 'Benioff said\n\nBenioff was told\n\nTrump reached Benioff\n\nSources told WIRED and WIRED’s editors; WIRED asked',
      target: 'বেনিওফ বলেন।\n\nবেনিওফকে জানানো হয়।\n\nট্রাম্প বেনিফের কাছে পৌঁছান।\n\nসূত্র WIRED-কে জানায়, ওয়্যারডের সম্পাদকদেরও; WIRED জানতে চায়।',
    });
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'QA Editor' });
    const { page } = desk;
    await page.getByTestId('qa-badge').click();
    const panel = page.getByTestId('qa-panel');
    await eventually(async () => expect(await panel.getByTestId('qa-check-names').textContent()).toBe('Names2'), { timeout: 10_000 });
    const issue = panel.locator('.qa-item', { has: page.locator('.qa-issue[data-check="names"]', { hasText: 'বেনিফ' }) });
    expect(await issue.locator('.qa-message').textContent()).toBe('“বেনিফ” and “বেনিওফ”: one name, two spellings?');
    expect(await issue.locator('.qa-action').allTextContents()).toEqual(['Make all “বেনিওফ”', 'Make all “বেনিফ”', 'Ignore']);
    await screenshot(page, 'qa-panel-names');

    await issue.getByRole('button', { name: 'Make all “বেনিওফ”' }).click();
    await eventually(async () => expect((await segmentTexts(page))[2]).toBe('ট্রাম্প বেনিওফের কাছে পৌঁছান।'));
    // A Bengali spelling with its ending becomes a Latin one with a hyphen. Clicked at once, within
    // the half second in which Yjs joins changes into one undo step: each stays a step of its own.
    await panel.locator('.qa-item', { hasText: 'ওয়্যারড' }).getByRole('button', { name: 'Make all “WIRED”' }).click();
    await eventually(async () => expect((await segmentTexts(page))[3]).toBe('সূত্র WIRED-কে জানায়, WIRED-এর সম্পাদকদেরও; WIRED জানতে চায়।'));
    await eventually(async () => expect(await panel.getByTestId('qa-check-names').textContent()).toBe('Names0'), { timeout: 5000 });
    // Each was one undo step.
    await caretAtEnd(page, 0);
    await page.keyboard.press('Control+z');
    await eventually(async () => expect((await segmentTexts(page))[3]).toContain('ওয়্যারডের'));
    expect((await segmentTexts(page))[2]).toBe('ট্রাম্প বেনিওফের কাছে পৌঁছান।');
    await page.keyboard.press('Control+z');
    await eventually(async () => expect((await segmentTexts(page))[2]).toBe('ট্রাম্প বেনিফের কাছে পৌঁছান।'));
    // A reviewer sees the issues (back with the undo) but cannot respell.
    const reviewer = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.reviewer), { name: 'QA Reviewer' });
    await reviewer.page.getByTestId('qa-badge').click();
    await eventually(async () => expect(await reviewer.page.locator('.qa-issue[data-check="names"]').count()).toBe(2), { timeout: 10_000 });
    expect(await reviewer.page.locator('.qa-action').count()).toBe(0);
    expect([...desk.errors, ...reviewer.errors]).toEqual([]);
    await Promise.all([desk.context.close(), reviewer.context.close()]);
  });

  it('SPEC 14.16 an editor ignores an issue: struck through for everyone, counted nowhere, still so after a reload, and undone', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    const editor = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'QA Editor' });
    const viewer = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.viewer), { name: 'QA Viewer' });
    const { page } = editor;
    const badge = page.getByTestId('qa-badge');
    await eventually(async () => expect(await badge.getAttribute('data-errors')).toBe('1'), { timeout: 10_000 });
    await badge.click();
    const panel = page.getByTestId('qa-panel');
    const numbers = panel.locator('.qa-item', { has: page.locator('.qa-issue[data-check="numbers"]') });
    await numbers.getByRole('button', { name: 'Ignore this issue' }).click();
    await eventually(async () => expect(await numbers.locator('.qa-issue').getAttribute('data-ignored')).toBe('true'));
    expect(await numbers.locator('.qa-message').evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('line-through');
    await eventually(async () => expect(await badge.getAttribute('data-errors')).toBe('0'));
    expect(await panel.getByTestId('qa-check-numbers').textContent()).toBe('Numbers0');
    await eventually(async () => expect(await highlightTexts(page, 'qa-error')).toEqual([]));
    await screenshot(page, 'qa-panel-ignored');
    // Everyone's page follows; the server and the export agree.
    await eventually(async () => expect(await viewer.page.getByTestId('qa-badge').getAttribute('data-errors')).toBe('0'), { timeout: 10_000 });
    const { body } = await suite.server.api('GET', `/api/documents/${doc.id}/qa`, undefined, doc.tokens.viewer);
    expect(body.ignored.map((i: { check: string }) => i.check)).toEqual(['numbers']);

    // Remembered: after a reload it is still struck through, and Undo brings it back.
    await page.reload();
    await page.waitForSelector('.editor-root section[data-segment-id]');
    await eventually(async () => expect(await page.getByTestId('qa-badge').getAttribute('data-errors')).toBe('0'), { timeout: 10_000 });
    await page.getByTestId('qa-badge').click();
    const again = page.getByTestId('qa-panel').locator('.qa-item', { has: page.locator('.qa-issue[data-check="numbers"]') });
    await eventually(async () => expect(await again.locator('.qa-issue').getAttribute('data-ignored')).toBe('true'), { timeout: 10_000 });
    await again.getByRole('button', { name: 'Undo ignore' }).click();
    await eventually(async () => expect(await page.getByTestId('qa-badge').getAttribute('data-errors')).toBe('1'));
    expect(await again.locator('.qa-issue').getAttribute('data-ignored')).toBe(null);
    // A viewer reads, and cannot ignore.
    await viewer.page.getByTestId('qa-badge').click();
    await viewer.page.getByTestId('qa-panel').locator('.qa-issue[data-check="numbers"]').waitFor();
    expect(await viewer.page.getByTestId('qa-panel').getByRole('button', { name: 'Ignore this issue' }).count()).toBe(0);
    expect([...editor.errors, ...viewer.errors]).toEqual([]);
    await Promise.all([editor.context.close(), viewer.context.close()]);
  });

  it('SPEC 14.15 the article\'s QA profile sets each check on, as a warning or off, for everyone', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'QA Editor' });
    const { page } = desk;
    const badge = page.getByTestId('qa-badge');
    await eventually(async () => expect(await badge.getAttribute('data-errors')).toBe('1'), { timeout: 10_000 });
    await badge.click();
    const panel = page.getByTestId('qa-panel');
    await panel.getByTestId('qa-profile').locator('summary').click();
    await panel.getByLabel('Numbers').selectOption('warning');
    await eventually(async () => expect([await badge.getAttribute('data-errors'), await badge.getAttribute('data-warnings')]).toEqual(['0', '1']));
    expect(await panel.locator('.qa-issue[data-check="numbers"]').getAttribute('data-severity')).toBe('warning');
    await panel.getByLabel('Spacing').selectOption('off');
    await eventually(async () => expect(await panel.locator('.qa-issue[data-check="whitespace"]').count()).toBe(0));
    expect(await highlightTexts(page, 'qa-info')).toEqual([]);
    expect((await suite.server.api('GET', `/api/documents/${doc.id}/qa/profile`, undefined, doc.tokens.viewer)).body).toEqual({ checks: { numbers: 'warning', whitespace: 'off' } });
    const exported = await suite.server.api('GET', `/api/documents/${doc.id}/export?format=txt`, undefined, doc.tokens.viewer);
    expect(exported.headers.get('x-tandem-qa-errors')).toBe('0');
    // A reviewer sees the profile and cannot change it.
    const reviewer = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.reviewer), { name: 'QA Reviewer' });
    await reviewer.page.getByTestId('qa-badge').click();
    await reviewer.page.getByTestId('qa-profile').locator('summary').click();
    const setting = reviewer.page.getByTestId('qa-panel').getByLabel('Numbers');
    await eventually(async () => expect(await setting.inputValue()).toBe('warning'), { timeout: 10_000 });
    expect(await setting.isDisabled()).toBe(true);
    expect([...desk.errors, ...reviewer.errors]).toEqual([]);
    await Promise.all([desk.context.close(), reviewer.context.close()]);
  });

  it('SPEC 10.13 with the QA panel open and no review card to show, the empty review margin collapses: source and translation keep their width', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    const token = await personal(suite.server, doc.id, doc.tokens.reviewer, 'Rina');
    const ids = (await suite.server.api('GET', `/api/documents/${doc.id}`)).body.segments.map((s: { id: string }) => s.id);
    const thread = await suite.server.api('POST', `/api/documents/${doc.id}/comments`, { segmentId: ids[1], text: 'Is the number right?' }, token);
    await suite.server.api('POST', `/api/documents/${doc.id}/comments/${thread.body.id}/resolve`, {}, token);
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'QA Editor', viewport: { width: 1440, height: 800 } });
    const { page } = desk;
    const margin = page.getByTestId('review-margin');
    const widths = () =>
      page.evaluate(() => ({
        doc: document.querySelector('.review-doc')!.getBoundingClientRect().width,
        shell: document.querySelector('.review-shell')!.getBoundingClientRect().width,
        source: document.querySelector('.src-text')!.getBoundingClientRect().width,
      }));
    // A resolved thread: the margin shows, with nothing but its head (Resolved) in it.
    await eventually(async () => expect(await margin.isVisible()).toBe(true), { timeout: 10_000 });
    await page.getByTestId('qa-badge').click();
    await page.getByTestId('qa-panel').waitFor();
    await eventually(async () => {
      expect(await margin.isVisible()).toBe(false);
      const seen = await widths();
      expect(seen.doc).toBe(seen.shell);
      expect(seen.source).toBeGreaterThan(280);
    });
    await screenshot(page, 'qa-panel-no-cards');
    // A card to show brings it back beside the panel, until there is none again.
    const second = await suite.server.api('POST', `/api/documents/${doc.id}/comments`, { segmentId: ids[2], text: 'Check the spacing' }, token);
    await eventually(async () => expect(await margin.isVisible()).toBe(true), { timeout: 10_000 });
    await suite.server.api('POST', `/api/documents/${doc.id}/comments/${second.body.id}/resolve`, {}, token);
    await eventually(async () => expect(await margin.isVisible()).toBe(false), { timeout: 10_000 });
    // Asked for, it comes back all the same.
    await page.getByTestId('review-counts').click();
    await eventually(async () => expect(await margin.isVisible()).toBe(true));
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });
});
