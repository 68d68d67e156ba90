// Typing that forms grapheme clusters with the text around the caret, as Indic keyboards send it
// (one character at a time) and as an IME composes it: the text stays in the order it was typed,
// on the page and on the server. (SPEC 10.25)
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually } from '../helpers/eventually.js';
import { openArticle, saveState, segmentTexts, selectSegments } from '../helpers/browser.js';
import { deskSuite } from '../helpers/desk-suite.js';

const suite = deskSuite();

async function serverTexts(id: string): Promise<string[]> {
  const { body } = await suite.server.api('GET', `/api/documents/${id}`);
  return body.segments.map((s: { target: string }) => s.target);
}

/** Opens an editor on an article of these translations and checks, after `edit`, the page and then the server hold `expected`. */
async function typedInto(targets: string[], edit: (page: Page) => Promise<void>, expected: string[]): Promise<void> {
  const doc = await suite.server.createDocument({ source: targets.map((_, i) => `Paragraph ${i + 1}`).join('\n\n'), target: targets.join('\n\n') });
  const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor));
  await edit(desk.page);
  await eventually(async () => expect(await segmentTexts(desk.page)).toEqual(expected));
  await eventually(async () => expect(await saveState(desk.page)).toBe('saved'), { timeout: 10_000 });
  expect(await serverTexts(doc.id)).toEqual(expected);
  expect(desk.errors).toEqual([]);
  await desk.context.close();
}

/** A collapsed caret at `offset` of segment `index`'s text. */
const caretAt = (page: Page, index: number, offset: number) => selectSegments(page, index, index, { startOffset: offset, endOffset: offset });

/** One character at a time, as InScript and Probhat keyboards send them. */
async function typeEach(page: Page, text: string) {
  for (const char of text) await page.keyboard.type(char);
}

/** An IME's composition, updated step by step, then committed (or, with '', cancelled). */
async function compose(page: Page, steps: string[], committed: string) {
  const cdp = await page.context().newCDPSession(page);
  for (const text of steps) await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  if (committed) await cdp.send('Input.insertText', { text: committed });
  else await cdp.send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 });
  await cdp.detach();
}

describe('typing Indic clusters in the desk (e2e)', { timeout: 60_000 }, () => {
  it('SPEC 10.25 Bengali typed character by character before and inside existing words stays in order', async () => {
    await typedInto(
      ['শিরোনাম', 'ডেমোক্র্যাটিক দল।', 'দল গঠন।', 'ডেমোক্র্যাটিক দল।'],
      async (page) => {
        await caretAt(page, 1, 0);
        await typeEach(page, 'টেস্ট ');
        // ra-phala and ya-phala: প্ joins দ, ত্ joins দ too.
        await caretAt(page, 2, 0);
        await typeEach(page, 'প্রত্যেক ');
        // Inside a word: স্ joins the ক্র্যা after the caret.
        await caretAt(page, 3, 4);
        await typeEach(page, 'স্ট');
      },
      ['শিরোনাম', 'টেস্ট ডেমোক্র্যাটিক দল।', 'প্রত্যেক দল গঠন।', 'ডেমোস্টক্র্যাটিক দল।'],
    );
  });

  it('SPEC 10.25 Devanagari and Tamil conjuncts typed character by character before existing text stay in order', async () => {
    await typedInto(
      ['शीर्षक', 'त्रिय वंश।', 'மா நகரம்.'],
      async (page) => {
        await caretAt(page, 1, 0);
        await typeEach(page, 'क्ष');
        await caretAt(page, 2, 0);
        await typeEach(page, 'க்ஷ');
      },
      ['शीर्षक', 'क्षत्रिय वंश।', 'க்ஷமா நகரம்.'],
    );
  });

  it('SPEC 10.25 an IME composing a conjunct before existing text keeps that text and the order, and a cancelled one leaves it as it was', async () => {
    await typedInto(
      ['শিরোনাম', 'ডেমোক্র্যাটিক দল।', 'ডেমোক্র্যাটিক দল।', 'ডেমোক্র্যাটিক দল।'],
      async (page) => {
        // While the composition ends in স্, it joins ডে; the next update must not overwrite ডে.
        await caretAt(page, 1, 0);
        await compose(page, ['স', 'স্', 'স্ট'], 'স্ট');
        await page.keyboard.type(' ');
        // Committed on the virama, then the rest typed by key.
        await caretAt(page, 2, 0);
        await compose(page, ['স', 'স্'], 'স্');
        await typeEach(page, 'ট ');
        // Cancelled on the virama: the text is as it was.
        await caretAt(page, 3, 0);
        await compose(page, ['স', 'স্'], '');
      },
      ['শিরোনাম', 'স্ট ডেমোক্র্যাটিক দল।', 'স্ট ডেমোক্র্যাটিক দল।', 'ডেমোক্র্যাটিক দল।'],
    );
  });

  it('SPEC 10.25 Latin text, typing at the end, replacing a selection and undo work as before', async () => {
    await typedInto(
      ['শিরোনাম', 'ডেমোক্র্যাটিক দল।', 'দল গঠন।', 'ডেমোক্র্যাটিক'],
      async (page) => {
        await caretAt(page, 1, 0);
        await typeEach(page, 'Tandem ');
        await caretAt(page, 2, 'দল গঠন।'.length);
        await typeEach(page, ' স্ট');
        // Replacing a selection.
        await selectSegments(page, 2, 2, { startOffset: 0, endOffset: 'দল'.length });
        await typeEach(page, 'স্কুল');
        // Typed before existing text as an undo step of its own (after a pause), then taken back.
        await page.waitForTimeout(800);
        await caretAt(page, 3, 0);
        await typeEach(page, 'টেস্ট ');
        await eventually(async () => expect((await segmentTexts(page))[3]).toBe('টেস্ট ডেমোক্র্যাটিক'));
        await page.keyboard.press('Control+z');
      },
      ['শিরোনাম', 'Tandem ডেমোক্র্যাটিক দল।', 'স্কুল গঠন। স্ট', 'ডেমোক্র্যাটিক'],
    );
  });
});
