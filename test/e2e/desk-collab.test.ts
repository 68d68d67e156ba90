// The desk in a real browser: two editors at once, read-only roles, Saved, export, and segments that
// survive every kind of editing. (SPEC 10)
import { describe, expect, it } from 'vitest';
import type { WebSocketRoute } from 'playwright-core';
import { readStoredAck } from '../../shared/wire.js';
import { eventually } from '../helpers/eventually.js';
import { caretAtEnd, openArticle, presentNames, saveState, screenshot, segmentTexts } from '../helpers/browser.js';
import { deskSuite } from '../helpers/desk-suite.js';

const suite = deskSuite();

describe('the desk (e2e)', { timeout: 60_000 }, () => {
  it('SPEC 10.1 two editors opening one article through its share links see each other’s text and presence', async () => {
    const doc = await suite.server.createDocument();
    const amina = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Amina' });
    const rafi = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Rafi' });

    await caretAtEnd(amina.page, 1);
    await amina.page.keyboard.type(' আমিনা লিখছেন');
    await caretAtEnd(rafi.page, 2);
    await rafi.page.keyboard.type(' রাফি লিখছেন');
    // Each sees their own text at once…
    expect((await segmentTexts(amina.page))[1]).toBe('প্রথম অনুচ্ছেদ। আমিনা লিখছেন');
    expect((await segmentTexts(rafi.page))[2]).toBe('দ্বিতীয় অনুচ্ছেদ। রাফি লিখছেন');

    // …and the other's soon after.
    for (const { page } of [amina, rafi]) {
      await eventually(async () => {
        const texts = await segmentTexts(page);
        expect(texts[1]).toBe('প্রথম অনুচ্ছেদ। আমিনা লিখছেন');
        expect(texts[2]).toBe('দ্বিতীয় অনুচ্ছেদ। রাফি লিখছেন');
      }, { timeout: 10_000 });
      await eventually(async () => expect(await presentNames(page)).toEqual(['Amina', 'Rafi']), { timeout: 10_000 });
    }
    // The remote caret carries the other person's name.
    await eventually(async () => expect(await amina.page.locator('.cursors .collab-name', { hasText: 'Rafi' }).count()).toBeGreaterThan(0), { timeout: 10_000 });
    await screenshot(amina.page, 'desk-two-editors');
    expect(amina.errors).toEqual([]);
    expect(rafi.errors).toEqual([]);
    await Promise.all([amina.context.close(), rafi.context.close()]);
  });

  it('SPEC 10.1 one person in two tabs is one avatar with one colour; a namesake in another browser is someone else', async () => {
    const doc = await suite.server.createDocument();
    const link = suite.link(doc.id, doc.tokens.editor);
    const first = await openArticle(suite.browser, link, { name: 'Amina' });
    // The second tab finds the person's own token the first one traded for.
    await eventually(async () => expect(await first.page.evaluate((id) => localStorage.getItem(`tandem:session:${id}`), doc.id)).not.toBeNull());
    const second = await openArticle(suite.browser, link, { name: 'Amina', context: first.context });
    const namesake = await openArticle(suite.browser, link, { name: 'Amina' });
    const rafi = await openArticle(suite.browser, link, { name: 'Rafi' });
    const people = (page: typeof rafi.page) =>
      page.$$eval('[data-testid="presence"] [data-name]', (items) =>
        items.map((i) => ({ name: (i as HTMLElement).dataset.name, color: (i as HTMLElement).style.getPropertyValue('--person'), self: i.classList.contains('self') })),
      );
    await eventually(async () => {
      const seen = await people(rafi.page);
      expect(seen.map((p) => p.name).sort()).toEqual(['Amina', 'Amina', 'Rafi']);
      expect(new Set(seen.map((p) => p.color)).size).toBe(3);
    }, { timeout: 10_000 });
    // Each tab lists itself once, in the same colour as the other tab.
    for (const tab of [first, second]) await eventually(async () => expect((await people(tab.page)).map((p) => p.name).sort()).toEqual(['Amina', 'Amina', 'Rafi']), { timeout: 10_000 });
    const mine = async (tab: typeof first) => (await people(tab.page)).find((p) => p.self)!.color;
    await eventually(async () => expect(await mine(second)).toBe(await mine(first)));
    const [amina, other] = [(await people(rafi.page)).filter((p) => p.name === 'Amina'), await mine(namesake)];
    expect(amina.map((p) => p.color)).toContain(await mine(first));
    expect(amina.map((p) => p.color)).toContain(other);
    await screenshot(rafi.page, 'desk-presence-two-tabs');
    expect([...first.errors, ...second.errors, ...namesake.errors, ...rafi.errors]).toEqual([]);
    await Promise.all([first.context.close(), namesake.context.close(), rafi.context.close()]);
  });

  it('SPEC 10.2 reviewers and viewers cannot change the translation: nothing on their page is contenteditable', async () => {
    const doc = await suite.server.createDocument();
    for (const role of ['viewer', 'reviewer'] as const) {
      const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens[role]), { name: `A ${role}` });
      const { page } = desk;
      await eventually(async () => expect(await saveState(page)).toBe('saved'), { timeout: 10_000 });
      const editable = await page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => (e as HTMLElement).isContentEditable).length);
      expect(editable).toBe(0);
      expect(await page.locator('[contenteditable="true"]').count()).toBe(0);
      expect(await page.locator('[role="toolbar"]').count()).toBe(0);
      expect(await page.getByTestId('role').textContent()).toBe(role === 'viewer' ? 'Viewer' : 'Reviewer');
      // Typing and pasting change nothing, locally or on the suite.server, and the connection stays open.
      await page.locator('.editor-root section').nth(1).click();
      await page.keyboard.type('xyz');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Backspace');
      expect(await segmentTexts(page)).toEqual(['শিরোনাম', 'প্রথম অনুচ্ছেদ।', 'দ্বিতীয় অনুচ্ছেদ।']);
      if (role === 'viewer') await screenshot(page, 'desk-viewer');
      await eventually(async () => expect(await saveState(page)).toBe('saved'));
      expect(await page.getByTestId('closed-banner').count()).toBe(0);
      expect(desk.errors).toEqual([]);
      await desk.context.close();
    }
    const { body } = await suite.server.api('GET', `/api/documents/${doc.id}`);
    expect(body.segments.map((s: { target: string }) => s.target)).toEqual(['শিরোনাম', 'প্রথম অনুচ্ছেদ।', 'দ্বিতীয় অনুচ্ছেদ।']);
  });

  it('SPEC 10.3 "Saved" appears only once the server has stored the edit and acknowledged it', async () => {
    const doc = await suite.server.createDocument();
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    // The content socket goes through, but the server's stored acknowledgements wait while `hold` is set.
    let hold = false;
    const held: Buffer[] = [];
    let toPage: WebSocketRoute | null = null;
    await context.routeWebSocket(
      (url) => url.pathname === `/collab/${doc.id}`,
      (page) => {
        toPage = page;
        const server = page.connectToServer();
        page.onMessage((message) => server.send(message));
        server.onMessage((message) => {
          if (hold && typeof message !== 'string' && readStoredAck(message) !== null) held.push(message);
          else page.send(message);
        });
      },
    );
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { context });
    await eventually(async () => expect(await saveState(desk.page)).toBe('saved'), { timeout: 10_000 });
    hold = true;
    await caretAtEnd(desk.page, 0);
    await desk.page.keyboard.type(' — নতুন');
    await eventually(async () => expect(await saveState(desk.page)).toBe('saving'));
    // The server has the edit, but until it says so the page does not call it saved.
    await eventually(async () => expect((await suite.server.api('GET', `/api/documents/${doc.id}`)).body.segments[0].target).toBe('শিরোনাম — নতুন'));
    await eventually(() => expect(held.length).toBeGreaterThan(0));
    await desk.page.waitForTimeout(1500);
    expect(await saveState(desk.page)).toBe('saving');
    hold = false;
    for (const message of held.splice(0)) toPage!.send(message);
    await eventually(async () => expect(await saveState(desk.page)).toBe('saved'), { timeout: 10_000 });
    expect(desk.errors).toEqual([]);
    await context.close();
  });

  it('SPEC 10.6 the export download holds the typed text', async () => {
    const doc = await suite.server.createDocument();
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor));
    await caretAtEnd(desk.page, 2);
    await desk.page.keyboard.type(' রপ্তানি পরীক্ষা');
    await eventually(async () => expect(await saveState(desk.page)).toBe('saved'), { timeout: 10_000 });
    for (const [format, label] of [['txt', 'Plain text'], ['md', 'Markdown'], ['html', 'HTML']] as const) {
      await desk.page.getByRole('button', { name: 'Export' }).click();
      const [download] = await Promise.all([desk.page.waitForEvent('download'), desk.page.getByRole('menuitem', { name: new RegExp(label) }).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
      const path = await download.path();
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(path, 'utf8');
      expect(text).toContain('দ্বিতীয় অনুচ্ছেদ। রপ্তানি পরীক্ষা');
    }
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });
});
