// Omitting, splitting and merging segments in the desk (SPEC 15.9, 15.10): an editor omits a
// segment from its row's menu and includes it again; splits one at the caret with Alt+Shift+T,
// choosing where its source splits, and merges it back with Alt+Shift+J; another person's page
// follows live, the browser's QA leaving an omitted segment unchecked. Reviewers get none of these
// controls.
import { describe, expect, it } from 'vitest';
import type { Page, WebSocketRoute } from 'playwright-core';
import { eventually } from '../helpers/eventually.js';
import { blockTexts, caretAt, openArticle, openPage, screenshot, segmentTexts } from '../helpers/browser.js';
import { ADMIN_TOKEN } from '../helpers/server.js';
import { deskSuite } from '../helpers/desk-suite.js';

const suite = deskSuite();

const ARTICLE = {
  source:
    'Dhaka’s libraries put 10,000 rare books online\n\nThe network scanned 10,000 books. Volunteers from 12 universities helped.\n\nLeave a Reply (2 comments)\n\nThe library plans more titles.',
  target:
    'ঢাকার গ্রন্থাগারগুলো ১০,০০০ দুর্লভ বই অনলাইনে তুলল\n\nনেটওয়ার্ক ১০,০০০ বই স্ক্যান করেছে। ১২টি বিশ্ববিদ্যালয়ের স্বেচ্ছাসেবকেরা সাহায্য করেছেন।\n\nউত্তর দিন\n\nগ্রন্থাগারটি আরও শিরোনাম যোগ করবে।',
};
const TARGETS = ARTICLE.target.split('\n\n');
const FIRST = 'নেটওয়ার্ক ১০,০০০ বই স্ক্যান করেছে।';
const SECOND = '১২টি বিশ্ববিদ্যালয়ের স্বেচ্ছাসেবকেরা সাহায্য করেছেন।';

const row = (page: Page, index: number) => page.locator('[data-source-for]').nth(index);
const sources = (page: Page) => page.locator('[data-source-for]').evaluateAll((rows) => rows.map((r) => r.querySelector('.src-text:not(.src-missing)')?.textContent ?? ''));
const omittedRows = (page: Page) => page.locator('[data-source-for]').evaluateAll((rows) => rows.map((r) => r.hasAttribute('data-omitted')));
const progress = (page: Page, what: string) => page.locator('.progress-compact').getAttribute(what).then(Number);
const colorOf = (page: Page, index: number) =>
  page.evaluate((i) => getComputedStyle(document.querySelectorAll('.editor-root section[data-segment-id]')[i]).color, index);

describe('omit, split and merge in the desk (e2e)', { timeout: 120_000 }, () => {
  it('SPEC 15.9 an editor omits a segment from its row menu: greyed and labelled on every page, apart in progress, included again', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    const omar = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Omar' });
    const rina = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.reviewer), { name: 'Rina' });
    await eventually(async () => expect(await progress(rina.page, 'data-draft-segments')).toBe(4));
    const ink = await colorOf(rina.page, 2);
    // The boilerplate's translation lacks the source's number: a QA error, until it is omitted.
    const errors = (page: Page) => page.getByTestId('qa-badge').getAttribute('data-errors');
    await eventually(async () => expect(await errors(rina.page)).toBe('1'), { timeout: 10_000 });

    await row(omar.page, 2).getByTestId('status-button').click();
    await omar.page.getByTestId('omit-segment').click();
    for (const { page } of [omar, rina]) {
      await eventually(async () => {
        expect(await omittedRows(page)).toEqual([false, false, true, false]);
        expect(await row(page, 2).getByTestId('omitted-mark').textContent()).toContain('Omitted');
        expect(await colorOf(page, 2)).not.toBe(ink);
        expect(await progress(page, 'data-omitted-segments')).toBe(1);
        expect(await progress(page, 'data-draft-segments')).toBe(3);
        expect(await errors(page)).toBe('0');
      }, { timeout: 10_000 });
    }
    // Still there, with its text; the reviewer can neither include it nor omit another.
    expect((await segmentTexts(rina.page))[2]).toBe(TARGETS[2]);
    expect(await row(rina.page, 2).getByRole('button', { name: /Include/ }).count()).toBe(0);
    await row(rina.page, 1).getByTestId('status-button').click();
    expect(await rina.page.getByTestId('omit-segment').count()).toBe(0);
    await rina.page.keyboard.press('Escape');
    await rina.page.getByTestId('progress').click();
    await expect(rina.page.locator('.progress-table tr[data-state="omitted"]').textContent()).resolves.toMatch(/Omitted\s*1\s*2/);
    await screenshot(omar.page, 'segment-omitted');
    // The home page counts it in no status either: 3 segments, none reviewed.
    const home = await openPage(suite.browser, `${suite.server.url}/?token=${ADMIN_TOKEN}`);
    await eventually(async () => expect(await home.page.getByText('0/3 reviewed').count()).toBe(1), { timeout: 10_000 });
    await home.context.close();

    await row(omar.page, 2).getByRole('button', { name: 'Include segment 3 again' }).click();
    for (const { page } of [omar, rina]) {
      await eventually(async () => {
        expect(await omittedRows(page)).toEqual([false, false, false, false]);
        expect(await colorOf(page, 2)).toBe(ink);
        expect(await progress(page, 'data-draft-segments')).toBe(4);
        expect(await errors(page)).toBe('1');
      }, { timeout: 10_000 });
    }
    expect([...omar.errors, ...rina.errors]).toEqual([]);
    await Promise.all([omar.context.close(), rina.context.close()]);
  });

  it('SPEC 15.10 Alt+Shift+T splits at the caret, the source at the matching sentence or where the editor clicks; Alt+Shift+J merges; live on every page', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    const omar = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Omar' });
    const rina = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.reviewer), { name: 'Rina' });
    await eventually(async () => expect(await sources(rina.page)).toHaveLength(4));

    // The caret before the second sentence: the dialog offers the source's second sentence.
    await caretAt(omar.page, 1, TARGETS[1].indexOf(SECOND));
    await omar.page.keyboard.press('Alt+Shift+KeyT');
    const dialog = omar.page.getByTestId('split-dialog');
    await dialog.waitFor();
    const sourceTwo = 'The network scanned 10,000 books. Volunteers from 12 universities helped.';
    expect(await dialog.getByTestId('split-source').getAttribute('data-source-at')).toBe(String(sourceTwo.indexOf('Volunteers')));
    await screenshot(omar.page, 'segment-split-dialog');
    await omar.page.keyboard.press('Enter');
    const split = [TARGETS[0], FIRST, SECOND, TARGETS[2], TARGETS[3]];
    for (const { page } of [omar, rina]) {
      await eventually(async () => {
        expect(await segmentTexts(page)).toEqual(split);
        expect((await sources(page)).slice(1, 3)).toEqual(['The network scanned 10,000 books.', 'Volunteers from 12 universities helped.']);
      }, { timeout: 10_000 });
    }
    expect(await dialog.count()).toBe(0);

    // Merged back from the first half, by keyboard.
    await caretAt(omar.page, 1, 3);
    await omar.page.keyboard.press('Alt+Shift+KeyJ');
    for (const { page } of [omar, rina]) {
      await eventually(async () => {
        // One segment of two paragraphs.
        expect(await blockTexts(page)).toEqual([[TARGETS[0]], [FIRST, SECOND], [TARGETS[2]], [TARGETS[3]]]);
        expect((await sources(page))[1]).toBe(`The network scanned 10,000 books.\nVolunteers from 12 universities helped.`);
      }, { timeout: 10_000 });
    }

    // Split again, the editor choosing the source's point by a click before a word, then ← once.
    await caretAt(omar.page, 1, FIRST.length + 1);
    await omar.page.keyboard.press('Alt+Shift+KeyT');
    await dialog.waitFor();
    await dialog.locator('.split-piece', { hasText: /^from/ }).click();
    const merged = `The network scanned 10,000 books.\nVolunteers from 12 universities helped.`;
    expect(await dialog.getByTestId('split-source').getAttribute('data-source-at')).toBe(String(merged.indexOf('from')));
    await dialog.getByTestId('split-source').press('ArrowLeft');
    expect(await dialog.getByTestId('split-source').getAttribute('data-source-at')).toBe(String(merged.indexOf('Volunteers')));
    await dialog.getByRole('button', { name: 'Split' }).click();
    await eventually(async () => expect((await sources(rina.page)).slice(1, 3)).toEqual(['The network scanned 10,000 books.', 'Volunteers from 12 universities helped.']), {
      timeout: 10_000,
    });
    expect(await segmentTexts(rina.page)).toEqual(split);

    // Esc cancels. Keeping the source whole: the second half has none. The last segment cannot merge.
    await caretAt(omar.page, 4, 'গ্রন্থাগারটি '.length);
    await omar.page.keyboard.press('Alt+Shift+KeyT');
    await dialog.waitFor();
    await omar.page.keyboard.press('Escape');
    await eventually(async () => expect(await dialog.count()).toBe(0));
    expect(await segmentTexts(omar.page)).toHaveLength(5);
    await caretAt(omar.page, 4, 'গ্রন্থাগারটি '.length);
    await omar.page.keyboard.press('Alt+Shift+KeyT');
    await dialog.waitFor();
    await dialog.getByLabel(/Keep the source whole/).check();
    await dialog.getByRole('button', { name: 'Split' }).click();
    await eventually(async () => expect((await sources(rina.page)).slice(4)).toEqual(['The library plans more titles.', '']), { timeout: 10_000 });
    await caretAt(omar.page, 5, 2);
    await omar.page.keyboard.press('Alt+Shift+KeyJ');
    await eventually(async () => expect(await omar.page.getByTestId('notices').textContent()).toContain('no next segment'));

    // The row's menu merges too, but not the last row.
    await row(omar.page, 5).getByTestId('status-button').click();
    expect(await omar.page.getByTestId('merge-segment').getAttribute('aria-disabled')).toBe('true');
    await omar.page.keyboard.press('Escape');
    await row(omar.page, 4).getByTestId('status-button').click();
    await omar.page.getByTestId('merge-segment').click();
    const rejoined = [[TARGETS[0]], [FIRST], [SECOND], [TARGETS[2]], ['গ্রন্থাগারটি', 'আরও শিরোনাম যোগ করবে।']];
    await eventually(async () => expect(await blockTexts(rina.page)).toEqual(rejoined), { timeout: 10_000 });

    // A reviewer's keys change nothing.
    await caretAt(rina.page, 1, 2);
    await rina.page.keyboard.press('Alt+Shift+KeyJ');
    await eventually(async () => expect(await rina.page.getByTestId('notices').textContent()).toContain('Editors split and merge'));
    expect(await segmentTexts(omar.page)).toHaveLength(5);
    expect([...omar.errors, ...rina.errors]).toEqual([]);
    await Promise.all([omar.context.close(), rina.context.close()]);
  });

  it('SPEC 11.12 SPEC 15.10 typing in the text a split or a merge moves, crossing it on the wire, lands where it was typed on every page', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    const omar = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Omar' });
    // Bilal's keystrokes wait on their way to the server while `hold` is set, so they arrive after the change.
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    let hold = false;
    const held: Array<string | Buffer> = [];
    let toServer: WebSocketRoute | null = null;
    await context.routeWebSocket(
      (url) => url.pathname === `/collab/${doc.id}`,
      (page) => {
        const server = page.connectToServer();
        toServer = server;
        page.onMessage((message) => (hold ? held.push(message) : server.send(message)));
        server.onMessage((message) => page.send(message));
      },
    );
    const bilal = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Bilal', context });
    const release = () => {
      hold = false;
      for (const message of held.splice(0)) toServer!.send(message);
    };
    const server = async () => (await suite.server.api('GET', `/api/documents/${doc.id}`)).body.segments.map((s: { target: string }) => s.target);

    // Bilal types in the sentence Omar splits off.
    hold = true;
    await caretAt(bilal.page, 1, TARGETS[1].indexOf('সাহায্য'));
    await bilal.page.keyboard.type('খুব ');
    await caretAt(omar.page, 1, TARGETS[1].indexOf(SECOND));
    await omar.page.keyboard.press('Alt+Shift+KeyT');
    await omar.page.getByTestId('split-dialog').waitFor();
    await omar.page.keyboard.press('Enter');
    await eventually(async () => expect(await server()).toHaveLength(5), { timeout: 10_000 });
    release();
    const split = [TARGETS[0], FIRST, '১২টি বিশ্ববিদ্যালয়ের স্বেচ্ছাসেবকেরা খুব সাহায্য করেছেন।', TARGETS[2], TARGETS[3]];
    for (const { page } of [omar, bilal]) await eventually(async () => expect(await segmentTexts(page)).toEqual(split), { timeout: 10_000 });
    expect(await server()).toEqual(split);

    // Bilal types in the segment Omar merges into the one before.
    hold = true;
    await caretAt(bilal.page, 2, 0);
    await bilal.page.keyboard.type('আর ');
    await caretAt(omar.page, 1, 2);
    await omar.page.keyboard.press('Alt+Shift+KeyJ');
    await eventually(async () => expect(await server()).toHaveLength(4), { timeout: 10_000 });
    release();
    const merged = [[TARGETS[0]], [FIRST, `আর ${split[2]}`], [TARGETS[2]], [TARGETS[3]]];
    for (const { page } of [omar, bilal]) await eventually(async () => expect(await blockTexts(page)).toEqual(merged), { timeout: 10_000 });
    expect((await server())[1]).toBe(`${FIRST}\nআর ${split[2]}`);
    expect([...omar.errors, ...bilal.errors]).toEqual([]);
    await Promise.all([omar.context.close(), context.close()]);
  });
});
