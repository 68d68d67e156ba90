// Editing in the desk: segments are never merged or destroyed, formatting works by shortcut and
// toolbar, undo takes back only your own changes. (SPEC 10)
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually } from '../helpers/eventually.js';
import { caretAtEnd, openArticle, saveState, segmentIds, segmentTexts, selectSegments } from '../helpers/browser.js';
import { deskSuite } from '../helpers/desk-suite.js';

const suite = deskSuite();
const FOUR = {
  source: 'One\n\nTwo\n\nThree\n\nFour',
  target: 'এক প্রথম\n\nদুই দ্বিতীয়\n\nতিন তৃতীয়\n\nচার চতুর্থ',
};

async function serverTexts(id: string): Promise<string[]> {
  const { body } = await suite.server.api('GET', `/api/documents/${id}`);
  return body.segments.map((s: { target: string }) => s.target);
}

async function settled(page: Page) {
  await eventually(async () => expect(await saveState(page)).toBe('saved'), { timeout: 10_000 });
}

describe('editing in the desk (e2e)', { timeout: 60_000 }, () => {
  it('SPEC 10.4 Enter, Backspace and Delete at segment edges never merge segments', async () => {
    const doc = await suite.server.createDocument(FOUR);
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor));
    const { page } = desk;
    const ids = await segmentIds(page);
    await caretAtEnd(page, 1);
    await page.keyboard.press('Enter');
    await page.keyboard.type('নতুন লাইন');
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
    await caretAtEnd(page, 2);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Delete');
    await caretAtEnd(page, 3);
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await settled(page);
    expect(await segmentIds(page)).toEqual(ids);
    expect(await serverTexts(doc.id)).toHaveLength(4);
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });

  it('SPEC 10.4 deleting, typing, Enter, paste and cut over a selection that spans segments keep every segment', async () => {
    const doc = await suite.server.createDocument(FOUR);
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor));
    const { page } = desk;
    const ids = await segmentIds(page);

    // Backspace over "প্রথম … দুই": each segment loses its selected part, both stay.
    await selectSegments(page, 0, 1, { startOffset: 3, endOffset: 3 });
    await page.keyboard.press('Backspace');
    await eventually(async () => expect(await segmentTexts(page)).toEqual(['এক ', ' দ্বিতীয়', 'তিন তৃতীয়', 'চার চতুর্থ']));

    // Typing over segments 2–4 replaces the text in the first and empties the rest of the span.
    await selectSegments(page, 1, 3, { startOffset: 0, endOffset: 3 });
    await page.keyboard.type('X');
    await eventually(async () => expect(await segmentTexts(page)).toEqual(['এক ', 'X', '', ' চতুর্থ']));

    // Enter over a span: no merge, the caret's segment gets a new paragraph.
    await selectSegments(page, 0, 1);
    await page.keyboard.press('Enter');
    expect(await segmentIds(page)).toEqual(ids);

    // Paste over a span, of text with blank lines in it: still four segments.
    await selectSegments(page, 2, 3);
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'প্রথম\n\nদ্বিতীয়');
      document.querySelector('.editor-root')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await eventually(async () => expect((await segmentTexts(page))[2]).toContain('দ্বিতীয়'));
    expect(await segmentIds(page)).toEqual(ids);

    // Cut over a span.
    await selectSegments(page, 2, 3, { startOffset: 3 });
    await page.keyboard.press('Control+x');
    await eventually(async () => expect((await segmentTexts(page))[2]).toBe('প্র'));
    expect(await segmentIds(page)).toEqual(ids);

    // Select all and delete: every segment is still there, empty.
    await caretAtEnd(page, 0);
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await settled(page);
    expect(await segmentIds(page)).toEqual(ids);
    const stored = await serverTexts(doc.id);
    expect(stored).toHaveLength(4);
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });

  it('SPEC 10.5 undo and redo take back only your own changes', async () => {
    const doc = await suite.server.createDocument(FOUR);
    const mine = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Mine' });
    const theirs = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Theirs' });
    await caretAtEnd(mine.page, 0);
    await mine.page.keyboard.type(' আমার');
    await settled(mine.page);
    await caretAtEnd(theirs.page, 1);
    await theirs.page.keyboard.type(' তাদের');
    await eventually(async () => expect((await segmentTexts(mine.page))[1]).toBe('দুই দ্বিতীয় তাদের'));
    await caretAtEnd(mine.page, 0);
    await mine.page.keyboard.press('Control+z');
    await eventually(async () => {
      const texts = await segmentTexts(mine.page);
      expect(texts[0]).toBe('এক প্রথম');
      expect(texts[1]).toBe('দুই দ্বিতীয় তাদের');
    });
    await mine.page.keyboard.press('Control+y');
    await eventually(async () => expect((await segmentTexts(mine.page))[0]).toBe('এক প্রথম আমার'));
    await settled(mine.page);
    await eventually(async () => expect(await serverTexts(doc.id)).toEqual(['এক প্রথম আমার', 'দুই দ্বিতীয় তাদের', 'তিন তৃতীয়', 'চার চতুর্থ']));
    expect([...mine.errors, ...theirs.errors]).toEqual([]);
    await Promise.all([mine.context.close(), theirs.context.close()]);
  });

  it('SPEC 10.7 bold, italic and links by shortcut and by toolbar', async () => {
    const doc = await suite.server.createDocument(FOUR);
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor));
    const { page } = desk;
    await selectSegments(page, 0, 0, { startOffset: 0, endOffset: 2 });
    await page.keyboard.press('Control+b');
    await selectSegments(page, 1, 1, { startOffset: 0, endOffset: 3 });
    await page.getByRole('button', { name: 'Italic' }).click();
    await selectSegments(page, 2, 2, { startOffset: 0, endOffset: 3 });
    await page.keyboard.press('Control+k');
    await page.getByPlaceholder('Paste or type a link').fill('example.org/news');
    await page.keyboard.press('Enter');
    await eventually(async () => {
      expect(await page.locator('.editor-root section').nth(0).locator('.article-bold').textContent()).toBe('এক');
      expect(await page.locator('.editor-root section').nth(1).locator('.article-italic').textContent()).toBe('দুই');
      expect(await page.locator('.editor-root section').nth(2).locator('a').getAttribute('href')).toBe('https://example.org/news');
    });
    await settled(page);
    const { body } = await suite.server.api('GET', `/api/documents/${doc.id}/export?format=md`);
    expect(body).toContain('**এক**');
    expect(body).toContain('[তিন](https://example.org/news)');
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });

  it('SPEC 10.20 Ctrl+S never opens the browser\'s Save dialog: the save state answers it', async () => {
    const doc = await suite.server.createDocument(FOUR);
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor));
    const { page } = desk;
    await settled(page);
    // Registered after the page's own listener, so it sees what that one did.
    await page.evaluate(() => window.addEventListener('keydown', (event) => event.key === 's' && ((window as any).saveKeyPrevented = event.defaultPrevented)));
    await caretAtEnd(page, 0);
    await page.keyboard.press('Control+s');
    expect(await page.evaluate(() => (window as any).saveKeyPrevented)).toBe(true);
    const indicator = page.getByTestId('save-state');
    expect(await indicator.textContent()).toBe('All changes saved');
    expect(await indicator.getAttribute('class')).toContain('save-nudged');
    await eventually(async () => expect(await indicator.textContent()).toBe('Saved'), { timeout: 5000 });
    expect(await segmentTexts(page)).toEqual(FOUR.target.split('\n\n'));
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });

  it('SPEC 10.21 find and replace: every match across segments, Replace all in one step that one undo takes back', async () => {
    const doc = await suite.server.createDocument({
      source: 'Nasrin Ahmed said\n\nAhmed added\n\nNasrin Ahmed left',
      target: 'নাসরিন আহমেদ বলেন\n\nআহমদ জানান\n\nনাসরিন আহমেদ চলে যান',
    });
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor));
    const { page } = desk;
    const count = page.getByTestId('find-count');
    await caretAtEnd(page, 1);
    await page.keyboard.press('Control+h');
    await page.getByLabel('Find', { exact: true }).fill('নাসরিন আহমেদ');
    await eventually(async () => expect(await count.textContent()).toBe('1 of 2'));
    await page.getByLabel('Replace with').fill('নাসরিন আহমদ');
    await page.getByRole('button', { name: 'Replace all' }).click();
    await eventually(async () => expect(await count.textContent()).toBe('Replaced 2 matches'));
    const replaced = ['নাসরিন আহমদ বলেন', 'আহমদ জানান', 'নাসরিন আহমদ চলে যান'];
    expect(await segmentTexts(page)).toEqual(replaced);
    await settled(page);
    expect(await serverTexts(doc.id)).toEqual(replaced);

    // One match at a time: the current one only; Enter moves on from the first.
    await page.getByLabel('Find', { exact: true }).fill('আহমদ');
    await eventually(async () => expect(await count.textContent()).toBe('1 of 3'));
    await page.getByLabel('Find', { exact: true }).press('Enter');
    expect(await count.textContent()).toBe('2 of 3');
    await page.getByLabel('Replace with').fill('আহমেদ');
    await page.getByRole('button', { name: 'Replace', exact: true }).click();
    await eventually(async () => expect(await segmentTexts(page)).toEqual(['নাসরিন আহমদ বলেন', 'আহমেদ জানান', 'নাসরিন আহমদ চলে যান']));

    // Escape closes the bar; one undo takes back the last replacement, another the whole Replace all.
    await page.keyboard.press('Escape');
    await eventually(async () => expect(await page.locator('.find-bar').count()).toBe(0));
    await page.keyboard.press('Control+z');
    await eventually(async () => expect(await segmentTexts(page)).toEqual(replaced));
    await page.keyboard.press('Control+z');
    await eventually(async () => expect(await segmentTexts(page)).toEqual(['নাসরিন আহমেদ বলেন', 'আহমদ জানান', 'নাসরিন আহমেদ চলে যান']));
    await settled(page);
    expect(await serverTexts(doc.id)).toEqual(['নাসরিন আহমেদ বলেন', 'আহমদ জানান', 'নাসরিন আহমেদ চলে যান']);
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });

  it('SPEC 10.21 the find bar brings the first match on screen as the search is typed, keeps the focus after Replace all, and Escape closes it from anywhere in it', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => (i === 33 ? 'ঢাকায় বৃষ্টি হয়েছে' : `অনুচ্ছেদ ${i + 1}, এখানে কিছু লেখা আছে যা পড়তে হয়`));
    const doc = await suite.server.createDocument({ source: rows.map((_, i) => `Paragraph ${i + 1}`).join('\n\n'), target: rows.join('\n\n') });
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor));
    const { page } = desk;
    const bar = page.locator('.find-bar');
    const focusInBar = () => page.evaluate(() => !!document.activeElement?.closest('.find-bar'));
    const onScreen = (index: number) =>
      page.evaluate((i) => {
        const box = document.querySelectorAll('.editor-root section[data-segment-id]')[i].getBoundingClientRect();
        return box.top >= 0 && box.bottom <= innerHeight;
      }, index);
    await caretAtEnd(page, 0);
    await page.keyboard.press('Control+h');
    await page.keyboard.type('ঢাকা');
    await eventually(async () => expect(await page.getByTestId('find-count').textContent()).toBe('1 of 1'));
    await eventually(async () => expect(await onScreen(33)).toBe(true));

    // Replace all disables its button: the focus stays in the bar, and Escape still closes it.
    await page.getByLabel('Replace with').fill('চট্টগ্রাম');
    await page.getByRole('button', { name: 'Replace all' }).click();
    await eventually(async () => expect(await page.getByTestId('find-count').textContent()).toBe('Replaced 1 match'));
    expect(await focusInBar()).toBe(true);
    await page.keyboard.press('Escape');
    await eventually(async () => expect(await bar.count()).toBe(0));
    expect((await segmentTexts(page))[33]).toBe('চট্টগ্রাময় বৃষ্টি হয়েছে');

    // A click on the bar's background, on Match case, or in a field with text: Escape closes it.
    for (const spot of ['background', 'checkbox', 'search'] as const) {
      await page.keyboard.press('Control+h');
      await bar.waitFor();
      if (spot === 'background') await bar.click({ position: { x: 4, y: 4 } });
      if (spot === 'checkbox') await bar.getByLabel('Match case').check();
      if (spot === 'search') await page.getByLabel('Find', { exact: true }).fill('বৃষ্টি');
      expect(await focusInBar()).toBe(true);
      await page.keyboard.press('Escape');
      await eventually(async () => expect(await bar.count()).toBe(0));
    }
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });
});
