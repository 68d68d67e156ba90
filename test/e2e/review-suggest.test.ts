// Suggesting in the browser: a reviewer proposes, the editor sees it live and decides; anchors
// follow edits, rewritten text makes a suggestion stale; editors can suggest too. (SPEC 15, 11)
import { describe, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually.js';
import { caretAtEnd, openArticle, saveState, screenshot, segmentTexts } from '../helpers/browser.js';
import { ARTICLE, clickBefore, exported, highlights, personal, selectText, struck, typeKey } from './review-helpers.js';
import { deskSuite } from '../helpers/desk-suite.js';

const suite = deskSuite();

async function pair() {
  const doc = await suite.server.createDocument(ARTICLE);
  const rina = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.reviewer), { name: 'Rina' });
  const omar = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Omar' });
  return { doc, rina, omar };
}

describe('suggesting (e2e)', { timeout: 90_000 }, () => {
  it('SPEC 15.1 a reviewer’s replacement (select, type, Enter) shows live for the editor, who accepts it; both pages and the export have it', async () => {
    const { doc, rina, omar } = await pair();
    await selectText(rina.page, 1, 'স্ক্যান করেছে');
    await expect(rina.page.getByTestId('selection-bar').isVisible()).resolves.toBe(true);
    await typeKey(rina.page, 'ড');
    await rina.page.keyboard.type('িজিটাইজ করেছে');
    await rina.page.getByLabel('Note').fill('আরও নির্দিষ্ট শব্দ');
    await screenshot(rina.page, 'review-composer');
    await rina.page.getByLabel('Suggested text').press('Enter');

    // The editor sees it at once: a card with Accept, the old text struck through, the new beside it.
    const card = omar.page.getByTestId('suggestion-card');
    await eventually(async () => expect(await card.count()).toBe(1), { timeout: 10_000 });
    await expect(card.textContent()).resolves.toContain('ডিজিটাইজ করেছে');
    await expect(card.textContent()).resolves.toContain('আরও নির্দিষ্ট শব্দ');
    await eventually(async () => expect(struck(await highlights(omar.page))).toEqual(['স্ক্যান করেছে']));
    await expect(omar.page.locator('.review-ghost .ghost-text').textContent()).resolves.toBe('ডিজিটাইজ করেছে');
    await eventually(async () => expect(await omar.page.getByTestId('segment-counts').first().getAttribute('data-suggestions')).toBe('1'));
    await expect(omar.page.getByTestId('review-counts').getAttribute('data-suggestions')).resolves.toBe('1');
    expect(await rina.page.getByTestId('suggestion-card').getByRole('button', { name: 'Withdraw' }).count()).toBe(1);
    expect(await rina.page.getByTestId('suggestion-card').getByRole('button', { name: 'Accept' }).count()).toBe(0);

    // Anchors follow the editor's typing before the range.
    await omar.page.evaluate(() => document.getSelection()?.removeAllRanges());
    await selectText(omar.page, 1, 'শহরের', true);
    await omar.page.keyboard.type('আজ ');
    await eventually(async () => expect(struck(await highlights(rina.page))).toEqual(['স্ক্যান করেছে']), { timeout: 10_000 });
    await screenshot(omar.page, 'review-editor-sees-suggestion');

    await card.getByRole('button', { name: 'Accept' }).click();
    const accepted = 'আজ শহরের গ্রন্থাগার নেটওয়ার্ক ১০,০০০-এর বেশি দুর্লভ বই ডিজিটাইজ করেছে।';
    for (const { page } of [rina, omar]) {
      await eventually(async () => expect((await segmentTexts(page))[1]).toBe(accepted), { timeout: 10_000 });
      await eventually(async () => expect(await page.getByTestId('suggestion-card').count()).toBe(0));
      expect(struck(await highlights(page))).toEqual([]);
    }
    await eventually(async () => expect(await saveState(omar.page)).toBe('saved'));
    expect(await exported(suite.server, doc.id, doc.tokens.viewer)).toContain(accepted);
    expect(rina.errors).toEqual([]);
    expect(omar.errors).toEqual([]);
    await Promise.all([rina.context.close(), omar.context.close()]);
  });

  it('SPEC 15.2 Delete over a selection suggests a deletion; a click then typing suggests an insertion', async () => {
    const { rina, omar } = await pair();
    await selectText(rina.page, 0, ' ১০,০০০');
    await rina.page.keyboard.press('Delete');
    await eventually(async () => expect(await rina.page.locator('[data-testid="suggestion-card"][data-kind="delete"]').count()).toBe(1), { timeout: 10_000 });
    await clickBefore(rina.page, 2, 'সাহায্য');
    await eventually(async () => expect(await rina.page.locator('.review-caret:not([hidden])').count()).toBe(1));
    await typeKey(rina.page, 'খ');
    await rina.page.keyboard.type('ুব ');
    await rina.page.keyboard.press('Enter');

    const cards = omar.page.getByTestId('suggestion-card');
    await eventually(async () => expect(await cards.count()).toBe(2), { timeout: 10_000 });
    const deletion = omar.page.locator('[data-testid="suggestion-card"][data-kind="delete"]');
    const insertion = omar.page.locator('[data-testid="suggestion-card"][data-kind="insert"]');
    await expect(deletion.textContent()).resolves.toContain('১০,০০০');
    await expect(insertion.textContent()).resolves.toContain('খুব');
    await eventually(async () => expect(struck(await highlights(omar.page))).toEqual([' ১০,০০০']));
    await expect(omar.page.locator('.review-ghost.insert .ghost-text').textContent()).resolves.toBe('খুব ');
    await screenshot(rina.page, 'review-delete-insert');

    await deletion.getByRole('button', { name: 'Reject' }).click();
    // The rejected card leaves and the margin closes up: click Accept once the cards are still.
    await eventually(async () => expect(await deletion.count()).toBe(0), { timeout: 10_000 });
    await insertion.getByRole('button', { name: 'Accept' }).click();
    await eventually(async () => expect(await insertion.count()).toBe(0), { timeout: 10_000 });
    for (const { page } of [rina, omar]) {
      await eventually(async () => {
        const texts = await segmentTexts(page);
        expect(texts[0]).toBe(ARTICLE.target.split('\n\n')[0]);
        expect(texts[2]).toBe('১২টি বিশ্ববিদ্যালয়ের স্বেচ্ছাসেবকেরা পৃষ্ঠাগুলো স্ক্যান করতে খুব সাহায্য করেছেন।');
      }, { timeout: 10_000 });
    }
    expect([...rina.errors, ...omar.errors]).toEqual([]);
    await Promise.all([rina.context.close(), omar.context.close()]);
  });

  it('SPEC 15.3 a suggestion whose text the editor rewrites shows as stale: no Accept, still Reject', async () => {
    const { rina, omar } = await pair();
    await selectText(rina.page, 3, 'যোগ করবে');
    await typeKey(rina.page, 'য');
    await rina.page.keyboard.type('ুক্ত করবে');
    await rina.page.keyboard.press('Enter');
    const card = omar.page.getByTestId('suggestion-card');
    await eventually(async () => expect(await card.getAttribute('data-status')).toBe('open'), { timeout: 10_000 });

    // The editor rewrites the very words the suggestion was made on.
    await selectText(omar.page, 3, 'যোগ করবে');
    await omar.page.keyboard.type('যোগ করার পরিকল্পনা করেছে');
    for (const { page } of [rina, omar]) {
      await eventually(async () => expect(await page.getByTestId('suggestion-card').getAttribute('data-status')).toBe('stale'), { timeout: 10_000 });
      await expect(page.getByTestId('suggestion-card').textContent()).resolves.toContain('Stale');
      expect(struck(await highlights(page))).toEqual([]);
    }
    await expect(card.getByRole('button', { name: 'Accept' }).isDisabled()).resolves.toBe(true);
    await screenshot(omar.page, 'review-stale');
    await card.getByRole('button', { name: 'Reject' }).click();
    await eventually(async () => expect(await rina.page.getByTestId('suggestion-card').count()).toBe(0), { timeout: 10_000 });
    expect([...rina.errors, ...omar.errors]).toEqual([]);
    await Promise.all([rina.context.close(), omar.context.close()]);
  });

  it('SPEC 15.4 an editor who switches to Suggesting cannot type into the text; typing over a selection suggests; its author withdraws it', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    const omar = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Omar' });
    await caretAtEnd(omar.page, 0);
    await omar.page.getByRole('radio', { name: 'Suggesting' }).click();
    await eventually(async () => expect(await omar.page.locator('[contenteditable="true"]').count()).toBe(0));
    await selectText(omar.page, 0, 'তুলল');
    await typeKey(omar.page, 'এ');
    await omar.page.keyboard.type('নেছে');
    await omar.page.keyboard.press('Enter');
    const card = omar.page.getByTestId('suggestion-card');
    await eventually(async () => expect(await card.count()).toBe(1), { timeout: 10_000 });
    await expect(card.textContent()).resolves.toContain('এনেছে');
    expect((await segmentTexts(omar.page))[0]).toBe(ARTICLE.target.split('\n\n')[0]);
    // Its author may withdraw it.
    await card.getByRole('button', { name: 'Withdraw' }).click();
    await eventually(async () => expect(await card.count()).toBe(0), { timeout: 10_000 });
    await omar.page.getByRole('radio', { name: 'Editing' }).click();
    await eventually(async () => expect(await omar.page.locator('[contenteditable="true"]').count()).toBe(1));
    expect(omar.errors).toEqual([]);
    await omar.context.close();
  });

  it('SPEC 15.1 a proposal’s chip never covers the line above it, in a paragraph or at a segment’s start', async () => {
    const long = 'শহরের গ্রন্থাগার নেটওয়ার্ক গত দুই বছরে দশ হাজারেরও বেশি দুর্লভ বই স্ক্যান করেছে, যার মধ্যে রয়েছে পুরোনো পাণ্ডুলিপি, মানচিত্র আর সাময়িকী; স্বেচ্ছাসেবকেরা প্রতিটি পৃষ্ঠা যত্ন করে মিলিয়ে দেখেছেন এবং ভুল পেলে আবার স্ক্যান করেছেন।';
    const doc = await suite.server.createDocument({ ...ARTICLE, target: ARTICLE.target.replace(ARTICLE.target.split('\n\n')[1], long) });
    const token = await personal(suite.server, doc.id, doc.tokens.reviewer, 'Rina');
    const ids = (await suite.server.api('GET', `/api/documents/${doc.id}`)).body.segments.map((s: { id: string }) => s.id);
    const suggest = (segment: number, body: Record<string, unknown>) => suite.server.api('POST', `/api/documents/${doc.id}/suggestions`, { segmentId: ids[segment], ...body }, token);
    await suggest(1, { find: 'পাণ্ডুলিপি', text: 'হাতে লেখা পুথি' });
    await suggest(1, { find: 'যত্ন', text: 'খুব যত্ন' });
    await suggest(1, { start: long.indexOf('ভুল'), end: long.indexOf('ভুল'), text: 'কোনো ' });
    await suggest(2, { find: '১২টি', text: 'বারোটি' });
    const omar = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Omar' });
    const { page } = omar;
    await page.evaluate(() => document.fonts.ready);
    await eventually(async () => expect(await page.locator('.review-ghost').count()).toBe(4), { timeout: 10_000 });
    const overlaps = () =>
      page.evaluate(() => {
        // Every line box of text in the translation.
        const lines: DOMRect[] = [];
        const walker = document.createTreeWalker(document.querySelector('.editor-root')!, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          lines.push(...[...range.getClientRects()].filter((r) => r.height > 0));
        }
        return [...document.querySelectorAll('.review-ghost')].map((ghost) => {
          const line = ghost.getBoundingClientRect();
          const chip = ghost.querySelector('.ghost-text')!.getBoundingClientRect();
          const above = lines.filter((r) => r.bottom <= line.top + 1 && r.right > chip.left && r.left < chip.right);
          const lineAbove = Math.max(...above.map((r) => r.bottom));
          return { text: chip.width > 0 ? ghost.textContent : '', lineTop: line.top, lineAbove, chipTop: chip.top, chipBottom: chip.bottom };
        });
      });
    await eventually(async () => {
      const chips = await overlaps();
      // The chips on the paragraph's later lines, and the one at a segment's first line.
      expect(new Set(chips.map((c) => Math.round(c.lineTop))).size).toBeGreaterThanOrEqual(3);
      for (const chip of chips) {
        expect(chip.text).not.toBe('');
        expect(chip.chipTop, `${chip.text} covers the line above`).toBeGreaterThanOrEqual(chip.lineAbove);
        expect(chip.chipBottom).toBeLessThanOrEqual(chip.lineTop + 3);
      }
    }, { timeout: 10_000 });
    await screenshot(page, 'review-chips');
    expect(omar.errors).toEqual([]);
    await omar.context.close();
  });
});
