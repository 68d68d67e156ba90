// Co-editing that never surprises: another editor's Enter, paste, bold or an accepted suggestion
// never moves my caret from its text, and Ctrl+Z takes back my newest change where it now is, or
// says that there is nothing left of it, never an older change elsewhere. (SPEC 10.26, 10.5)
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually } from '../helpers/eventually.js';
import { blockTexts, caretAt, caretAtEnd, openArticle, segmentIds, type DeskPage } from '../helpers/browser.js';
import { deskSuite } from '../helpers/desk-suite.js';

const suite = deskSuite();

const LINES = ['শিরোনাম', 'বেনিফ বললেন, আমরা শুনছি।', 'দ্বিতীয় অনুচ্ছেদ এখানে।', 'তৃতীয় অনুচ্ছেদ এখানে।', 'চতুর্থ অনুচ্ছেদ এখানে।'];

async function article() {
  const doc = await suite.server.createDocument({ source: LINES.map((_, i) => `Line ${i}.`).join('\n\n'), target: LINES.join('\n\n') });
  const open = (name: string) => openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name });
  return { doc, open };
}

async function stored(id: string): Promise<string[]> {
  const { body } = await suite.server.api('GET', `/api/documents/${id}`);
  return body.segments.map((s: { target: string }) => s.target);
}

/** Waits until `page` shows segment `index` as these blocks. */
async function sees(page: Page, index: number, blocks: string[]): Promise<void> {
  await eventually(async () => expect((await blockTexts(page))[index]).toEqual(blocks), { timeout: 10_000 });
}

/** Makes the next change a step of its own for undo (changes closer than half a second are one). */
const pause = (page: Page) => page.waitForTimeout(700);

/** Types `text` as one change, so one undo step: keys typed one by one are steps of their own when a
 *  loaded machine delivers them more than half a second apart. */
const typeAsOneStep = (page: Page, text: string) => page.keyboard.insertText(text);

async function closeAll(...desks: DeskPage[]): Promise<void> {
  for (const desk of desks) expect(desk.errors).toEqual([]);
  await Promise.all(desks.map((d) => d.context.close()));
}

/** A page whose sockets' incoming messages can be held (`holdMessages`) and then delivered all at
 *  once, in order, at the moment the test picks (`releaseMessages()`). */
async function openHolding(link: string, name: string): Promise<DeskPage> {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    const page = window as unknown as { holdMessages: boolean; heldMessages: ArrayBuffer[]; releaseMessages: () => void };
    const held: Array<() => void> = [];
    page.holdMessages = false;
    page.heldMessages = [];
    page.releaseMessages = () => {
      page.holdMessages = false;
      page.heldMessages = [];
      for (const run of held.splice(0)) run();
    };
    const native = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage')!;
    const handlers = new WeakMap<WebSocket, ((event: MessageEvent) => unknown) | null>();
    Object.defineProperty(WebSocket.prototype, 'onmessage', {
      configurable: true,
      get(this: WebSocket) {
        return handlers.get(this) ?? null;
      },
      set(this: WebSocket, handler: ((event: MessageEvent) => unknown) | null) {
        handlers.set(this, handler);
        const socket = this;
        native.set!.call(
          this,
          handler &&
            ((event: MessageEvent) => {
              if (!page.holdMessages) return handler.call(socket, event);
              held.push(() => handler.call(socket, event));
              if (event.data instanceof ArrayBuffer) page.heldMessages.push(event.data);
            }),
        );
      },
    });
  });
  return openArticle(suite.browser, link, { name, context });
}

describe('co-editing (e2e)', { timeout: 90_000 }, () => {
  it('SPEC 10.26 another editor’s Enter before, at or after my caret leaves my caret beside its text', async () => {
    const { doc, open } = await article();
    const ana = await open('Ana');
    const bimal = await open('Bimal');
    const [, one, , , four] = LINES;

    // Enter at the start of the paragraph my caret ends: my typing stays at the end of my text.
    await caretAtEnd(ana.page, 1);
    await caretAt(bimal.page, 1, 0);
    await bimal.page.keyboard.press('Enter');
    await sees(ana.page, 1, ['', one]);
    await ana.page.keyboard.type('XYZ');
    await sees(ana.page, 1, ['', `${one}XYZ`]);

    // Enter earlier in my paragraph: the text after it moves down, and my caret with it.
    const mine = 'দ্বিতীয় অনুচ্ছেদ'.length;
    await caretAt(ana.page, 2, mine);
    await caretAt(bimal.page, 2, 'দ্বিতীয়'.length);
    await bimal.page.keyboard.press('Enter');
    await sees(ana.page, 2, ['দ্বিতীয়', ' অনুচ্ছেদ এখানে।']);
    await ana.page.keyboard.type('Q');
    await sees(ana.page, 2, ['দ্বিতীয়', ' অনুচ্ছেদQ এখানে।']);

    // Enter right at my caret: I go on typing after the text I was at.
    const at = 'তৃতীয়'.length;
    await caretAt(ana.page, 3, at);
    await caretAt(bimal.page, 3, at);
    await bimal.page.keyboard.press('Enter');
    await sees(ana.page, 3, ['তৃতীয়', ' অনুচ্ছেদ এখানে।']);
    await ana.page.keyboard.type('R');
    await sees(ana.page, 3, ['তৃতীয়R', ' অনুচ্ছেদ এখানে।']);

    // Enter after my caret: nothing moves for me.
    await caretAt(ana.page, 4, 2);
    await caretAt(bimal.page, 4, 'চতুর্থ'.length);
    await bimal.page.keyboard.press('Enter');
    await sees(ana.page, 4, ['চতুর্থ', ' অনুচ্ছেদ এখানে।']);
    await ana.page.keyboard.type('S');
    await sees(ana.page, 4, [`${four.slice(0, 2)}S${'চতুর্থ'.slice(2)}`, ' অনুচ্ছেদ এখানে।']);

    // What everyone sees is what the server stored.
    const expected = ['শিরোনাম', `\n${one}XYZ`, 'দ্বিতীয়\n অনুচ্ছেদQ এখানে।', 'তৃতীয়R\n অনুচ্ছেদ এখানে।', `${four.slice(0, 2)}S${'চতুর্থ'.slice(2)}\n অনুচ্ছেদ এখানে।`];
    await eventually(async () => expect(await stored(doc.id)).toEqual(expected), { timeout: 10_000 });
    await sees(bimal.page, 2, ['দ্বিতীয়', ' অনুচ্ছেদQ এখানে।']);
    await closeAll(ana, bimal);
  });

  it('SPEC 10.26 a remote paste of paragraphs, remote bold over my caret and an accepted suggestion leave my caret beside its text', async () => {
    const { doc, open } = await article();
    const ana = await open('Ana');
    const bimal = await open('Bimal');

    // Bimal pastes two paragraphs before my caret, in my paragraph.
    const mine = 'বেনিফ বললেন, আমরা'.length;
    await caretAt(ana.page, 1, mine);
    await caretAt(bimal.page, 1, 'বেনিফ'.length);
    await bimal.page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'এক\n\nদুই');
      document.querySelector('.editor-root')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await eventually(async () => expect((await blockTexts(ana.page))[1].join('\n')).toContain('দুই'), { timeout: 10_000 });
    await ana.page.keyboard.type('X');
    await eventually(async () => expect((await blockTexts(ana.page))[1].join('\n')).toContain('আমরাX শুনছি।'), { timeout: 10_000 });

    // Bimal makes the words around my caret bold.
    await caretAt(ana.page, 2, 'দ্বিতীয় অনু'.length);
    await caretAt(bimal.page, 2, 'দ্বিতীয় '.length);
    await bimal.page.keyboard.down('Shift');
    for (let i = 0; i < 'অনুচ্ছেদ'.length; i++) await bimal.page.keyboard.press('ArrowRight');
    await bimal.page.keyboard.up('Shift');
    await bimal.page.keyboard.press('Control+b');
    await eventually(async () => expect(await ana.page.locator('.editor-root section').nth(2).locator('strong, b, .editor-bold, [class*="bold"]').count()).toBeGreaterThan(0), { timeout: 10_000 });
    await ana.page.keyboard.type('Y');
    await sees(ana.page, 2, ['দ্বিতীয় অনুYচ্ছেদ এখানে।']);

    // A reviewer's suggestion before my caret is accepted by the server.
    await caretAt(ana.page, 3, 'তৃতীয় অনুচ্ছেদ এখা'.length);
    const ids = await segmentIds(ana.page);
    const made = await suite.server.api('POST', `/api/documents/${doc.id}/suggestions`, { segmentId: ids[3], find: 'তৃতীয়', text: 'তৃতীয়তম' }, doc.tokens.reviewer);
    expect(made.status).toBe(201);
    const accepted = await suite.server.api('POST', `/api/documents/${doc.id}/suggestions/${made.body.id}/accept`, {}, doc.tokens.editor);
    expect(accepted.status).toBe(200);
    await sees(ana.page, 3, ['তৃতীয়তম অনুচ্ছেদ এখানে।']);
    await ana.page.keyboard.type('Z');
    await sees(ana.page, 3, ['তৃতীয়তম অনুচ্ছেদ এখাZনে।']);

    await eventually(async () => {
      const texts = await stored(doc.id);
      expect(texts[1]).toContain('আমরাX শুনছি।');
      expect(texts[2]).toBe('দ্বিতীয় অনুYচ্ছেদ এখানে।');
      expect(texts[3]).toBe('তৃতীয়তম অনুচ্ছেদ এখাZনে।');
    }, { timeout: 10_000 });
    await closeAll(ana, bimal);
  });

  it('SPEC 10.5 Ctrl+Z takes back my newest change where its text now is, never an older one elsewhere; Ctrl+Y mirrors it', async () => {
    const { doc, open } = await article();
    const ana = await open('Ana');
    const bimal = await open('Bimal');
    const [, one, two] = LINES;
    const fixed = one.replace('বেনিফ', 'বেনিওফ');

    // Ana fixes a name in one paragraph, then adds to another.
    await caretAt(ana.page, 1, 'বেনি'.length);
    await ana.page.keyboard.type('ও');
    await pause(ana.page);
    await caretAtEnd(ana.page, 2);
    await typeAsOneStep(ana.page, ' নতুন');
    await pause(ana.page);
    // Bimal's Enter at the start of that paragraph moves its text, Ana's addition with it.
    await sees(bimal.page, 2, [`${two} নতুন`]);
    await caretAt(bimal.page, 2, 0);
    await bimal.page.keyboard.press('Enter');
    await sees(ana.page, 2, ['', `${two} নতুন`]);

    await ana.page.keyboard.press('Control+z');
    await sees(ana.page, 2, ['', two]);
    expect((await blockTexts(ana.page))[1]).toEqual([fixed]);
    await ana.page.keyboard.press('Control+z');
    await sees(ana.page, 1, [one]);
    await ana.page.keyboard.press('Control+y');
    await sees(ana.page, 1, [fixed]);
    expect((await blockTexts(ana.page))[2]).toEqual(['', two]);
    await ana.page.keyboard.press('Control+y');
    await sees(ana.page, 2, ['', `${two} নতুন`]);

    await eventually(async () => expect((await stored(doc.id)).slice(1, 3)).toEqual([fixed, `\n${two} নতুন`]), { timeout: 10_000 });
    await closeAll(ana, bimal);
  });

  it('SPEC 10.5 when others already removed what my newest change did, Ctrl+Z says so and changes nothing else', async () => {
    const { doc, open } = await article();
    const ana = await open('Ana');
    const bimal = await open('Bimal');
    const [, one, two] = LINES;

    await caretAtEnd(ana.page, 1);
    await typeAsOneStep(ana.page, ' ঠিক');
    await pause(ana.page);
    await caretAtEnd(ana.page, 2);
    await typeAsOneStep(ana.page, 'XYZ');
    await pause(ana.page);
    // Bimal deletes what Ana just typed.
    await sees(bimal.page, 2, [`${two}XYZ`]);
    await caretAtEnd(bimal.page, 2);
    for (let i = 0; i < 3; i++) await bimal.page.keyboard.press('Backspace');
    await sees(ana.page, 2, [two]);

    await ana.page.keyboard.press('Control+z');
    await eventually(async () => expect(await ana.page.getByTestId('notices').textContent()).toContain('Nothing to undo'));
    // Her older change stays: it is not what she asked to undo.
    expect((await blockTexts(ana.page)).slice(1, 3)).toEqual([[`${one} ঠিক`], [two]]);
    // The next Ctrl+Z takes back the older one.
    await ana.page.keyboard.press('Control+z');
    await sees(ana.page, 1, [one]);
    await eventually(async () => expect((await stored(doc.id)).slice(1, 3)).toEqual([one, two]), { timeout: 10_000 });
    await closeAll(ana, bimal);
  });

  it('SPEC 10.26 with three editors, my typing stays beside my caret while the others split and join my paragraph', async () => {
    const { doc, open } = await article();
    const ana = await open('Ana');
    const bimal = await open('Bimal');
    const cara = await open('Cara');
    const [, one] = LINES;
    const mine = 'বেনিফ বললেন, আমরা'.length;

    await caretAt(ana.page, 1, mine);
    await caretAt(bimal.page, 1, 'বেনিফ'.length);
    await bimal.page.keyboard.press('Enter');
    await sees(ana.page, 1, ['বেনিফ', one.slice('বেনিফ'.length)]);
    await ana.page.keyboard.type('A');
    await sees(cara.page, 1, ['বেনিফ', ` বললেন, আমরাA শুনছি।`]);
    // Cara joins the two paragraphs again (Backspace at the second one's start).
    await caretAt(cara.page, 1, 'বেনিফ\n'.length);
    await cara.page.keyboard.press('Backspace');
    await sees(ana.page, 1, ['বেনিফ বললেন, আমরাA শুনছি।']);
    await ana.page.keyboard.type('B');
    await sees(ana.page, 1, ['বেনিফ বললেন, আমরাAB শুনছি।']);
    for (const desk of [bimal, cara]) await sees(desk.page, 1, ['বেনিফ বললেন, আমরাAB শুনছি।']);
    await eventually(async () => expect((await stored(doc.id))[1]).toBe('বেনিফ বললেন, আমরাAB শুনছি।'), { timeout: 10_000 });
    await closeAll(ana, bimal, cara);
  });
  it('SPEC 10.26 a caret I put in a paragraph as another editor’s change arrives stays there', async () => {
    const { doc, open } = await article();
    const ana = await open('Ana');
    const bimal = await openHolding(suite.link(doc.id, doc.tokens.editor), 'Bimal');
    const [first, , , three] = LINES;
    const at = 'তৃতীয়'.length;

    // Bimal's caret is in one paragraph, and his editor knows it.
    await caretAtEnd(bimal.page, 2);
    // Ana types; her change reaches Bimal's page just as he puts his caret in another paragraph,
    // before his editor has heard of the new caret (a busy machine runs the message first).
    await bimal.page.evaluate(() => ((window as unknown as { holdMessages: boolean }).holdMessages = true));
    await caretAtEnd(ana.page, 0);
    await ana.page.keyboard.type('A');
    // A sync message (0) carrying an update (2).
    const updateHeld = () =>
      bimal.page.evaluate(() => (window as unknown as { heldMessages: ArrayBuffer[] }).heldMessages.some((data) => new Uint8Array(data)[0] === 0 && new Uint8Array(data)[1] === 2));
    await eventually(async () => expect(await updateHeld()).toBe(true), { timeout: 10_000 });
    const stayed = await bimal.page.evaluate(
      (offset) =>
        new Promise<boolean>((resolve) => {
          const section = document.querySelectorAll('.editor-root section[data-segment-id]')[3];
          const text = document.createTreeWalker(section, NodeFilter.SHOW_TEXT).nextNode() as Text;
          const selection = document.getSelection()!;
          const check = () => resolve(selection.anchorNode === text && selection.anchorOffset === offset);
          document.addEventListener('selectionchange', () => setTimeout(check, 20), { once: true });
          setTimeout(check, 1000);
          selection.collapse(text, offset);
          (window as unknown as { releaseMessages: () => void }).releaseMessages();
        }),
      at,
    );
    await sees(bimal.page, 0, [`${first}A`]);
    expect(stayed).toBe(true);
    await bimal.page.keyboard.type('B');
    const typed = `${three.slice(0, at)}B${three.slice(at)}`;
    await sees(bimal.page, 3, [typed]);
    await sees(ana.page, 3, [typed]);
    expect((await blockTexts(bimal.page))[2]).toEqual([LINES[2]]);
    await eventually(async () => expect((await stored(doc.id)).slice(0, 4)).toEqual([`${first}A`, LINES[1], LINES[2], typed]), { timeout: 10_000 });
    await closeAll(ana, bimal);
  });
});
