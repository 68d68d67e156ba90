// The New-article dialog when the source and the draft have different paragraph counts (text,
// Markdown, Word), or equal counts that pair otherwise than in order, or an XLIFF file's units pair
// otherwise than the aligner finds: the proposed pairs side by side, the doubtful ones marked, joined
// and split from the keyboard, and the article made of the pairs as left. (SPEC 10.29)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN } from '../helpers/server.js';
import { eventually } from '../helpers/eventually.js';
import { openPage, screenshot } from '../helpers/browser.js';
import { PACKAGE_ROOT } from '../../server/paths.js';
import { deskSuite } from '../helpers/desk-suite.js';
import { Document, Packer, Paragraph } from 'docx';

const suite = deskSuite();
const fixture = (name: string) => readFileSync(join(PACKAGE_ROOT, 'test', 'fixtures', name), 'utf8');
const blocksOf = (text: string) => text.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean);

/** Each pair on screen: its source and draft paragraphs' texts, and whether it is marked. */
async function shownPairs(page: Page) {
  return page.getByTestId('align-pair').evaluateAll((items) =>
    items.map((item) => ({
      source: [...item.querySelectorAll('.align-side.source .align-block p')].map((p) => p.textContent),
      target: [...item.querySelectorAll('.align-side.target .align-block p')].map((p) => p.textContent),
      low: item.classList.contains('low'),
    })),
  );
}

async function newArticle(page: Page, title: string, format: 'Plain text' | 'Markdown', source: string, target: string) {
  await page.getByRole('button', { name: 'New article' }).first().click();
  await page.getByLabel('Title').fill(title);
  await page.getByRole('combobox', { name: 'Format' }).selectOption({ label: format });
  await page.getByLabel('Source', { exact: true }).fill(source);
  await page.getByLabel('Draft translation').fill(target);
}

/** A file dropped on the dialog's index-th text field, as a person drops it. */
async function drop(page: Page, index: number, name: string, bytes: Uint8Array, type: string) {
  await page.evaluate(
    ([i, n, b, t]) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(b as number[])], n as string, { type: t as string }));
      document.querySelectorAll('textarea')[i as number].dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    [index, name, [...bytes], type] as const,
  );
}

/**
 * How the erosion fixture's paragraphs pair: a caption dropped and a headline repeated, two source
 * paragraphs merged in one, one split in two, a line added at the end.
 */
function erosionPairs(source: string[], target: string[]) {
  return [
    [[source[0]], [target[0]]],
    [[source[1]], []],
    [[], [target[1]]],
    ...[2, 3, 4].map((k) => [[source[k]], [target[k]]]),
    [[source[5], source[6]], [target[5]]],
    [[source[7]], [target[6], target[7]]],
    ...[8, 9, 10, 11, 12, 13].map((k) => [[source[k]], [target[k]]]),
    [[], [target[14]]],
  ];
}

/** The created article's segments, as the API gives them. */
async function segmentsOf(title: string) {
  const { body } = await suite.server.api('GET', '/api/documents');
  const created = body.documents.find((doc: { title: string }) => doc.title === title);
  return (await suite.server.api('GET', `/api/documents/${created.id}`)).body.segments as Array<{ source: string | null; target: string }>;
}

/** Create makes the article of the pairs as shown: each pair's sources joined by a line break, its draft's paragraphs too. */
async function createdAsShown(page: Page, title: string, shown: Awaited<ReturnType<typeof shownPairs>>) {
  await page.getByRole('button', { name: 'Create article' }).click();
  await page.getByRole('dialog', { name: /Share/ }).waitFor();
  const segments = await segmentsOf(title);
  expect(segments.map((s) => [s.source, s.target])).toEqual(shown.map((pair) => [pair.source.length ? pair.source.join('\n') : null, pair.target.join('\n')]));
}

describe('the New-article dialog aligns (e2e)', { timeout: 90_000 }, () => {
  it('SPEC 10.29 different counts: Create shows the pairs side by side; a pair is joined and one split from the keyboard, and the article is made of the pairs as left', async () => {
    const desk = await openPage(suite.browser, `${suite.server.url}/?token=${ADMIN_TOKEN}`);
    const { page } = desk;
    const [en, bn] = [fixture('align-erosion.en.txt'), fixture('align-erosion.bn.txt')];
    await newArticle(page, 'Teesta erosion', 'Plain text', en, bn);
    await eventually(async () => expect(await page.getByText('14 source paragraphs, 15 draft paragraphs — Create shows how they pair.').count()).toBe(1));
    await page.getByRole('button', { name: 'Create article' }).click();

    const dialog = page.getByRole('dialog', { name: 'New article' });
    await dialog.getByRole('heading', { name: 'Check how the paragraphs pair' }).waitFor();
    const [source, target] = [blocksOf(en), blocksOf(bn)];
    const pairs = await shownPairs(page);
    expect(pairs.map((p) => [p.source, p.target])).toEqual(erosionPairs(source, target));
    expect(await dialog.getByRole('status').first().textContent()).toContain('15 pairs');
    // A pair with no draft or no source says so.
    expect(await page.getByTestId('align-pair').nth(1).textContent()).toContain('No draft');
    expect(await page.getByTestId('align-pair').nth(2).textContent()).toContain('No source');
    await screenshot(page, 'new-article-alignment');

    // The caption joined with the repeated headline, from the keyboard.
    const join = dialog.getByRole('button', { name: 'Join pair 2 with the next' });
    await join.focus();
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await page.getByTestId('align-pair').count()).toBe(14));
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.pair)).toBe('1');
    // The merged paragraphs of pair 6 split again: the second source paragraph stands alone.
    const split = dialog.getByRole('button', { name: 'Split pair 6 before source paragraph 7' });
    await split.focus();
    await page.keyboard.press(' ');
    await eventually(async () => expect(await page.getByTestId('align-pair').count()).toBe(15));
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.pair)).toBe('5');
    const edited = await shownPairs(page);
    expect(edited[1]).toMatchObject({ source: [source[1]], target: [target[1]], low: false });
    expect(edited[5]).toMatchObject({ source: [source[5]], target: [target[5]] });
    expect(edited[6]).toMatchObject({ source: [source[6]], target: [] });
    await screenshot(page, 'new-article-alignment-edited');

    await createdAsShown(page, 'Teesta erosion', edited);
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });

  it('SPEC 10.29 equal counts, shifted: a paragraph dropped and one added elsewhere shows the pairs and says why; equal counts in order create the article at once', async () => {
    const desk = await openPage(suite.browser, `${suite.server.url}/?token=${ADMIN_TOKEN}`);
    const { page } = desk;
    const en = fixture('qa-heat-letter.en.txt');
    const [source, draft] = [blocksOf(en), blocksOf(fixture('qa-heat-letter.bn.txt'))];
    expect(source.length).toBe(34);
    expect(draft.length).toBe(34);
    // The translator left out the seventh paragraph and added a line at the end: 34 and 34, shifted.
    const added = 'আরও পড়ুন: তাপপ্রবাহে কারখানার শ্রমিকদের সব খবর';
    const shifted = [...draft.slice(0, 6), ...draft.slice(7), added];
    await newArticle(page, 'Heat letter, shifted', 'Plain text', en, shifted.join('\n\n'));
    await eventually(async () => expect(await page.getByText('34 source paragraphs, 34 draft paragraphs — Create checks that they pair in order.').count()).toBe(1));
    await page.getByRole('button', { name: 'Create article' }).click();

    const dialog = page.getByRole('dialog', { name: 'New article' });
    await dialog.getByRole('heading', { name: 'Check how the paragraphs pair' }).waitFor();
    expect(await dialog.getByRole('status').first().textContent()).toMatch(/^The counts match, but the paragraphs do not pair in order: .* 34 source paragraphs, 34 draft paragraphs: 35 pairs/);
    const pairs = await shownPairs(page);
    expect(pairs.map((p) => [p.source, p.target])).toEqual([
      ...source.slice(0, 6).map((text, k) => [[text], [shifted[k]]]),
      [[source[6]], []],
      ...source.slice(7).map((text, k) => [[text], [shifted[k + 6]]]),
      [[], [added]],
    ]);
    expect(await page.getByTestId('align-pair').nth(6).textContent()).toContain('No draft');
    await screenshot(page, 'new-article-alignment-shifted');
    await page.getByRole('button', { name: 'Create article' }).click();
    const share = page.getByRole('dialog', { name: /Share/ });
    await share.waitFor();
    const segments = await segmentsOf('Heat letter, shifted');
    expect(segments.map((s) => [s.source, s.target])).toEqual(pairs.map((pair) => [pair.source[0] ?? null, pair.target[0] ?? '']));
    await share.getByRole('button', { name: 'Done' }).click();

    // The same letter with its draft in order: no pairs to check, the article is made at once.
    await newArticle(page, 'Heat letter, in order', 'Plain text', en, draft.join('\n\n'));
    await page.getByRole('button', { name: 'Create article' }).click();
    await share.waitFor();
    expect(await page.getByRole('heading', { name: 'Check how the paragraphs pair' }).count()).toBe(0);
    expect((await segmentsOf('Heat letter, in order')).map((s) => [s.source, s.target])).toEqual(source.map((text, k) => [text, draft[k]]));
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });

  it('SPEC 10.29 SPEC 6.8 a Word draft with a pasted source: the pairs shown as for text, one joined, and the article made of them', async () => {
    const desk = await openPage(suite.browser, `${suite.server.url}/?token=${ADMIN_TOKEN}`);
    const { page } = desk;
    const en = fixture('align-erosion.en.txt');
    const [source, target] = [blocksOf(en), blocksOf(fixture('align-erosion.bn.txt'))];
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: target.map((text) => new Paragraph(text)) }] }));
    await page.getByRole('button', { name: 'New article' }).first().click();
    await page.getByLabel('Title').fill('Teesta erosion, from Word');
    await page.getByLabel('Source', { exact: true }).fill(en);
    await drop(page, 1, 'teesta.docx', new Uint8Array(docx), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    await page.getByTestId('import-file').waitFor();
    await page.getByRole('button', { name: 'Create article' }).click();

    const dialog = page.getByRole('dialog', { name: 'New article' });
    await dialog.getByRole('heading', { name: 'Check how the paragraphs pair' }).waitFor();
    const pairs = await shownPairs(page);
    expect(pairs.map((p) => [p.source, p.target])).toEqual(erosionPairs(source, target));
    // The dropped caption joined with the repeated headline.
    await dialog.getByRole('button', { name: 'Join pair 2 with the next' }).click();
    await eventually(async () => expect(await page.getByTestId('align-pair').count()).toBe(14));
    const edited = await shownPairs(page);
    expect(edited[1]).toMatchObject({ source: [source[1]], target: [target[1]] });

    await createdAsShown(page, 'Teesta erosion, from Word', edited);
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });

  it('SPEC 10.29 SPEC 6.8 an XLIFF file whose units the aligner pairs otherwise: Create shows the pairs, and the article is made of them', async () => {
    const desk = await openPage(suite.browser, `${suite.server.url}/?token=${ADMIN_TOKEN}`);
    const { page } = desk;
    // The translator put the second unit's translation in the first unit's target and left it empty.
    await page.getByRole('button', { name: 'New article' }).first().click();
    await page.getByLabel('Title').fill('Metro fares, from XLIFF');
    await drop(page, 0, 'fares.xlf', new TextEncoder().encode(fixture('align-fares.xlf')), 'application/xliff+xml');
    await page.getByTestId('import-file').waitFor();
    await page.getByRole('button', { name: 'Create article' }).click();

    const dialog = page.getByRole('dialog', { name: 'New article' });
    await dialog.getByRole('heading', { name: 'Check how the paragraphs pair' }).waitFor();
    const proposal = (await suite.server.api('POST', '/api/align', { format: 'xliff', content: fixture('align-fares.xlf') })).body;
    expect(await dialog.getByRole('status').first().textContent()).toMatch(/^The text pairs otherwise than the file’s units: /);
    const pairs = await shownPairs(page);
    expect(pairs.map((p) => [p.source.length, p.target.length])).toEqual([[1, 1], [2, 1], [1, 1], [1, 1]]);
    expect(pairs[1].source).toEqual([proposal.source[1], proposal.source[2]]);

    await page.getByRole('button', { name: 'Create article' }).click();
    await page.getByRole('dialog', { name: /Share/ }).waitFor();
    const segments = await segmentsOf('Metro fares, from XLIFF');
    expect(segments.map((s) => s.source)).toEqual([proposal.source[0], `${proposal.source[1]}\n${proposal.source[2]}`, proposal.source[3], proposal.source[4]]);
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });

  it('SPEC 10.29 a Markdown draft: the doubtful pairs are marked with their confidence, Back keeps the form, and Create makes the article as proposed', async () => {
    const desk = await openPage(suite.browser, `${suite.server.url}/?token=${ADMIN_TOKEN}`);
    const { page } = desk;
    // The draft without its "Read more" line: 12 source blocks, 11 draft blocks.
    const [en, bn] = [fixture('align-metro.en.md'), fixture('align-metro.bn.md').replace(/\n\nRead more:.*\n?$/, '\n')];
    expect(bn).not.toContain('Read more');
    await newArticle(page, 'Metro fares', 'Markdown', en, bn);
    await page.getByRole('button', { name: 'Create article' }).click();
    const dialog = page.getByRole('dialog', { name: 'New article' });
    await dialog.getByRole('heading', { name: 'Check how the paragraphs pair' }).waitFor();

    const proposal = (await suite.server.api('POST', '/api/align', { format: 'markdown', sourceLang: 'en', targetLang: 'bn', source: en, target: bn })).body;
    const low = proposal.pairs.map((pair: { confidence: number }) => pair.confidence < proposal.lowConfidence);
    expect(low.filter(Boolean).length).toBeGreaterThan(0);
    expect((await shownPairs(page)).map((pair) => pair.low)).toEqual(low);
    const marked = page.locator('[data-testid="align-pair"].low').first();
    expect(await marked.getAttribute('aria-label')).toMatch(/worth a check$/);
    expect(await marked.locator('.align-flag').textContent()).toMatch(/^Check · \d+%$/);
    expect(await dialog.getByRole('status').first().textContent()).toContain(`${low.filter(Boolean).length} marked to check`);
    // The Bengali side is set as Bengali.
    expect(await page.locator('.align-side.target').first().getAttribute('lang')).toBe('bn');
    await screenshot(page, 'new-article-alignment-markdown');

    // Back shows the form as it was; Create proposes again.
    await dialog.getByRole('button', { name: 'Back' }).click();
    expect(await page.getByLabel('Source', { exact: true }).inputValue()).toBe(en);
    expect(await page.getByTestId('align-pair').count()).toBe(0);
    await page.getByRole('button', { name: 'Create article' }).click();
    await eventually(async () => expect(await page.getByTestId('align-pair').count()).toBe(proposal.pairs.length));
    await page.getByRole('button', { name: 'Create article' }).click();
    await page.getByRole('dialog', { name: /Share/ }).waitFor();
    const segments = await segmentsOf('Metro fares');
    expect(segments.map((s) => s.source)).toEqual(
      proposal.pairs.map((pair: { source: number[] }) => (pair.source.length ? pair.source.map((i) => proposal.source[i]).join('\n') : null)),
    );
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });
});
