// The desk while the server cannot save (PostgreSQL unreachable, SPEC 17.17): the instance reaches
// its database through a TCP proxy the test cuts and restores. The page says the server cannot
// save, keeps the edits, tries again less and less often, and saves them once it can. (SPEC 10.30)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { useCluster } from '../helpers/cluster.js';
import { eventually } from '../helpers/eventually.js';
import { caretAtEnd, launchBrowser, openArticle, saveState, screenshot } from '../helpers/browser.js';

const { database, instance, proxy } = useCluster();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the desk while the server cannot save (e2e)', { timeout: 120_000 }, () => {
  it('SPEC 10.30 a change refused because the store is unreachable shows "Can’t save" and a banner that the changes are kept in this browser, steadily, with ever fewer tries; once the store answers the changes are saved', async () => {
    const db = await database();
    const target = new URL(db.url);
    const link = await proxy(target.hostname, Number(target.port || 5432));
    const server = await instance({ DATABASE_URL: link.via(db.url) });
    const doc = await server.createDocument();
    const desk = await openArticle(browser, `${server.url}/d/${doc.id}?token=${encodeURIComponent(doc.tokens.editor)}`);
    const { page } = desk;
    await eventually(async () => expect(await saveState(page)).toBe('saved'), { timeout: 15_000 });
    let sockets = 0;
    page.on('websocket', (socket) => new URL(socket.url()).pathname === `/collab/${doc.id}` && sockets++);

    link.cut();
    await eventually(async () => expect((await fetch(`${server.url}/healthz`)).status).toBe(503), { timeout: 10_000 });
    await caretAtEnd(page, 0);
    await page.keyboard.type(' — রাখা');
    await eventually(async () => expect(await saveState(page)).toBe('cannot-save'), { timeout: 15_000 });
    expect(await page.getByTestId('save-state').textContent()).toBe('Can’t save — changes kept in this browser');
    const banner = page.getByTestId('cannot-save-banner');
    expect(await banner.textContent()).toBe('The server cannot save changes right now. Your changes are kept in this browser and will be sent when it can.');
    expect(await page.getByTestId('offline-banner').count()).toBe(0);
    await screenshot(page, 'desk-cannot-save');

    // For the next seconds the page says the same thing all along (no "Offline", no "Saving…" in
    // between), while it tries again now and then: y-websocket alone would reconnect every few
    // hundred milliseconds, as each connection syncs before the change is refused.
    const seen = new Set<string | null>();
    const tries = sockets;
    for (let i = 0; i < 30; i++) {
      seen.add(await saveState(page));
      expect(await banner.count()).toBe(1);
      await pause(200);
    }
    expect([...seen]).toEqual(['cannot-save']);
    // In 6 s waits of 1, 2 and 4 s leave room for three tries at most (fewer on a slow machine).
    expect(sockets - tries).toBeLessThanOrEqual(3);
    // From a phone's width to a narrow window the header says it without pushing the page sideways
    // (SPEC 10.13): cut short where the row is full, whole on hover.
    for (const width of [360, 561, 640, 760]) {
      await page.setViewportSize({ width, height: 800 });
      await eventually(async () => expect(await page.evaluate(() => innerWidth)).toBe(width));
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width}px`).toBeLessThanOrEqual(width);
      expect(await page.getByTestId('save-state').isVisible()).toBe(true);
    }
    expect(await page.getByTestId('save-state').locator('.save-text').getAttribute('title')).toBe('Can’t save — changes kept in this browser');
    await page.setViewportSize({ width: 1280, height: 800 });
    // Typing goes on meanwhile; it is kept too.
    await caretAtEnd(page, 0);
    await page.keyboard.type(' আরও');
    expect(await saveState(page)).toBe('cannot-save');

    link.restore();
    // The next try is at most 16 s away; then the changes are stored and acknowledged.
    await eventually(async () => expect(await saveState(page)).toBe('saved'), { timeout: 40_000 });
    expect(await banner.count()).toBe(0);
    const { body } = await server.api('GET', `/api/documents/${doc.id}`);
    expect(body.segments[0].target).toBe('শিরোনাম — রাখা আরও');

    // A change after that saves as before.
    await caretAtEnd(page, 0);
    await page.keyboard.type('!');
    await eventually(async () => expect((await server.api('GET', `/api/documents/${doc.id}`)).body.segments[0].target).toBe('শিরোনাম — রাখা আরও!'));
    await eventually(async () => expect(await saveState(page)).toBe('saved'));
    expect(desk.errors.filter((e) => !/WebSocket connection to .* failed/.test(e))).toEqual([]);
    await desk.context.close();
  });
});
