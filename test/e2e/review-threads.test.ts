// Comment threads and sweeping decisions in the browser: comment on a selection, reply, resolve
// and reopen; accept all and reject all, for one segment and for the article. (SPEC 15, 11)
import { describe, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually.js';
import { openArticle, screenshot, segmentTexts } from '../helpers/browser.js';
import { ARTICLE, highlights, personal, selectText } from './review-helpers.js';
import { deskSuite } from '../helpers/desk-suite.js';

const suite = deskSuite();

describe('threads and bulk decisions (e2e)', { timeout: 90_000 }, () => {
  it('SPEC 15.5 a comment on a selection, a reply, resolve and reopen; open counts in the row and the header', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    const rina = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.reviewer), { name: 'Rina' });
    const omar = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Omar' });

    await selectText(rina.page, 3, 'ডিসেম্বর ২০২৫');
    await rina.page.getByTestId('selection-bar').getByRole('button', { name: 'Comment' }).click();
    await rina.page.keyboard.type('Check the date against the source.');
    await rina.page.keyboard.press('Enter');

    const card = omar.page.getByTestId('thread-card');
    await eventually(async () => expect(await card.count()).toBe(1), { timeout: 10_000 });
    await expect(card.textContent()).resolves.toContain('Check the date against the source.');
    await eventually(async () => expect((await highlights(omar.page))['review-comment']).toEqual(['ডিসেম্বর ২০২৫']));
    const rowCounts = omar.page.locator('[data-source-for] [data-testid="segment-counts"]');
    await eventually(async () => expect(await rowCounts.getAttribute('data-threads')).toBe('1'));
    await expect(omar.page.getByTestId('review-counts').getAttribute('data-threads')).resolves.toBe('1');

    // The editor replies from the card in focus; the reviewer sees it.
    await card.click();
    await card.getByLabel('Reply').fill('২০২৫ ঠিক আছে, মিলিয়ে দেখেছি।');
    await card.getByLabel('Reply').press('Enter');
    await eventually(async () => expect(await rina.page.getByTestId('reply').textContent()).toContain('মিলিয়ে দেখেছি'), { timeout: 10_000 });
    await screenshot(omar.page, 'review-thread');

    // The reviewer resolves their own thread: it leaves the margin and the counts.
    await rina.page.getByTestId('thread-card').getByRole('button', { name: 'Resolve' }).click();
    for (const { page } of [rina, omar]) {
      await eventually(async () => expect(await page.getByTestId('thread-card').count()).toBe(0), { timeout: 10_000 });
      await expect(page.getByTestId('review-counts').getAttribute('data-threads')).resolves.toBe('0');
      expect((await highlights(page))['review-comment']).toBeUndefined();
    }
    // Shown again on request, the editor reopens it.
    await omar.page.getByLabel(/Resolved \(1\)/).check();
    await omar.page.getByTestId('thread-card').getByRole('button', { name: 'Reopen' }).click();
    await eventually(async () => expect(await rina.page.getByTestId('thread-card').getAttribute('data-resolved')).toBe('false'), { timeout: 10_000 });
    await expect(rina.page.getByTestId('review-counts').getAttribute('data-threads')).resolves.toBe('1');
    // A viewer reads the thread but cannot act on it.
    const vera = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.viewer), { name: 'Vera' });
    await eventually(async () => expect(await vera.page.getByTestId('thread-card').count()).toBe(1), { timeout: 10_000 });
    expect(await vera.page.getByTestId('thread-card').getByRole('button').count()).toBe(0);
    expect(await vera.page.getByTestId('status-button').count()).toBe(0);
    expect([...rina.errors, ...omar.errors, ...vera.errors]).toEqual([]);
    await vera.context.close();
    await Promise.all([rina.context.close(), omar.context.close()]);
  });

  it('SPEC 15.6 accept all for one segment, then reject all for the article (asked first)', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    const rina = await personal(suite.server, doc.id, doc.tokens.reviewer, 'Rina');
    const suggest = (segment: number, find: string, text: string) =>
      suite.server.api('POST', `/api/documents/${doc.id}/suggestions`, { segmentId: ids[segment], find, text }, rina);
    const ids = (await suite.server.api('GET', `/api/documents/${doc.id}`)).body.segments.map((s: { id: string }) => s.id);
    const omar = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Omar' });
    await suggest(1, 'শহরের', 'নগরের');
    await suggest(1, 'দুর্লভ', 'বিরল');
    await suggest(2, 'সাহায্য', 'সহায়তা');
    await eventually(async () => expect(await omar.page.getByTestId('suggestion-card').count()).toBe(3), { timeout: 10_000 });
    await screenshot(omar.page, 'review-margin-editor');

    const group = omar.page.locator(`.margin-group[data-segment-id="${ids[1]}"]`);
    await group.getByRole('button', { name: 'Accept all' }).click();
    await eventually(async () => expect((await segmentTexts(omar.page))[1]).toBe('নগরের গ্রন্থাগার নেটওয়ার্ক ১০,০০০-এর বেশি বিরল বই স্ক্যান করেছে।'), { timeout: 10_000 });
    await eventually(async () => expect(await omar.page.getByTestId('suggestion-card').count()).toBe(1));

    await omar.page.getByRole('button', { name: 'Reject all' }).click();
    await omar.page.getByRole('button', { name: 'Yes' }).click();
    await eventually(async () => expect(await omar.page.getByTestId('suggestion-card').count()).toBe(0), { timeout: 10_000 });
    expect((await segmentTexts(omar.page))[2]).toBe(ARTICLE.target.split('\n\n')[2]);
    const list = await suite.server.api('GET', `/api/documents/${doc.id}/suggestions`);
    expect(list.body.suggestions.map((s: { status: string }) => s.status).sort()).toEqual(['accepted', 'accepted', 'rejected']);
    expect(omar.errors).toEqual([]);
    await omar.context.close();
  });
});
