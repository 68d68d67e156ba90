// The desk when the connection goes: reconnects after a server restart, keeps offline edits in the
// browser and merges them, and stops for good on a final close. (SPEC 10)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { eventually } from '../helpers/eventually.js';
import { caretAtEnd, launchBrowser, openArticle, openPage, saveState, screenshot, segmentTexts, type DeskPage } from '../helpers/browser.js';

let dataDir: string;
let server: TestServer;
let browser: Browser;
const link = (id: string, token: string) => `${server.url}/d/${id}?token=${encodeURIComponent(token)}`;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tandem-e2e-'));
  [server, browser] = await Promise.all([startTestServer({}, dataDir), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The server is stopped by a restart under way (or one a failed test left unfinished). */
let stopped = false;

/** Stops the server, runs `meanwhile`, then starts it again on the same port and data. */
async function restart(meanwhile: () => Promise<void> = async () => {}) {
  const port = server.port;
  stopped = true;
  await server.close();
  try {
    await meanwhile();
  } finally {
    server = await startTestServer({ PORT: String(port) }, dataDir);
    stopped = false;
  }
}

// A test that failed or timed out inside a restart leaves the next one (or its retry) a server, on a
// port of its own should the old one still hold its port.
beforeEach(async () => {
  if (!stopped) return;
  server = await startTestServer({}, dataDir);
  stopped = false;
});

async function state(page: Page, expected: string, timeout = 15_000) {
  await eventually(async () => expect(await saveState(page)).toBe(expected), { timeout });
}

async function serverTexts(id: string): Promise<string[]> {
  const { body } = await server.api('GET', `/api/documents/${id}`);
  return body.segments.map((s: { target: string }) => s.target);
}

/** How many updates this browser keeps for the article (y-indexeddb's store). */
function localUpdates(page: Page, docId: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        // Every way this can go wrong rejects (and `eventually` asks again) rather than hanging.
        open.onerror = () => reject(open.error);
        open.onblocked = () => reject(new Error('IndexedDB blocked'));
        open.onsuccess = () => {
          const db = open.result;
          try {
            const count = db.transaction('updates').objectStore('updates').count();
            count.onsuccess = () => (resolve(count.result), db.close());
            count.onerror = () => (reject(count.error), db.close());
          } catch (error) {
            db.close();
            reject(error);
          }
        };
      }),
    `tandem:${docId}`,
  );
}

/** Makes pages record how many segments they showed when the article's copy in IndexedDB was first opened. */
async function recordCopyOpening(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const open = indexedDB.open.bind(indexedDB);
    indexedDB.open = (name: string, version?: number) => {
      const page = window as unknown as { copyOpenedWith?: number };
      if (name.startsWith('tandem:')) page.copyOpenedWith ??= document.querySelectorAll('.editor-root section[data-segment-id]').length;
      return open(name, version);
    };
  });
}

const copyOpenedWith = (page: Page) => page.evaluate(() => (window as unknown as { copyOpenedWith?: number }).copyOpenedWith);

/** Uncaught errors only: a browser logs a failed socket while the server is down, which is expected. */
const uncaught = (desk: DeskPage) => desk.errors.filter((e) => !/WebSocket connection to .* failed/.test(e));

describe('the desk offline (e2e)', { timeout: 90_000 }, () => {
  it('SPEC 10.8 the editor reconnects after a server restart and goes on saving', async () => {
    const doc = await server.createDocument();
    const desk = await openArticle(browser, link(doc.id, doc.tokens.editor));
    await caretAtEnd(desk.page, 1);
    await desk.page.keyboard.type(' আগে');
    await state(desk.page, 'saved');
    await restart(async () => {
      await eventually(async () => expect(['offline', 'offline-kept']).toContain(await saveState(desk.page)), { timeout: 10_000 });
    });
    await state(desk.page, 'saved');
    await caretAtEnd(desk.page, 1);
    await desk.page.keyboard.type(' পরে');
    await state(desk.page, 'saved');
    expect((await serverTexts(doc.id))[1]).toBe('প্রথম অনুচ্ছেদ। আগে পরে');
    expect(uncaught(desk)).toEqual([]);
    await desk.context.close();
  });

  it('SPEC 10.9 edits made offline are kept in the browser and merge with others’ after reconnecting', async () => {
    const doc = await server.createDocument();
    const a = await openArticle(browser, link(doc.id, doc.tokens.editor), { name: 'Asha' });
    const b = await openArticle(browser, link(doc.id, doc.tokens.editor), { name: 'Bilal' });
    await state(a.page, 'saved');
    await state(b.page, 'saved');
    const before = await localUpdates(a.page, doc.id);

    await restart(async () => {
      await state(a.page, 'offline');
      await caretAtEnd(a.page, 1);
      await a.page.keyboard.type(' অফলাইন-এ');
      await caretAtEnd(b.page, 2);
      await b.page.keyboard.type(' অফলাইন-বি');
      await state(a.page, 'offline-kept');
      await expect(a.page.getByTestId('offline-banner').textContent()).resolves.toContain('kept in this browser');
      await screenshot(a.page, 'desk-offline');
      // Asha closes her tab while offline: her edit lives on in this browser's IndexedDB only.
      await eventually(async () => expect(await localUpdates(a.page, doc.id)).toBeGreaterThan(before));
      await a.page.close();
    });

    // Bilal's page reconnects by itself; Asha opens the article again in the same browser.
    const again = await openArticle(browser, link(doc.id, doc.tokens.editor), { context: a.context, name: 'Asha' });
    const merged = ['শিরোনাম', 'প্রথম অনুচ্ছেদ। অফলাইন-এ', 'দ্বিতীয় অনুচ্ছেদ। অফলাইন-বি'];
    for (const page of [again.page, b.page]) {
      await eventually(async () => expect(await segmentTexts(page)).toEqual(merged), { timeout: 15_000 });
      await state(page, 'saved');
    }
    expect(await serverTexts(doc.id)).toEqual(merged);
    expect([...uncaught(a), ...uncaught(b), ...uncaught(again)]).toEqual([]);
    await Promise.all([a.context.close(), b.context.close()]);
  });

  it('SPEC 10.9 the browser copy opens once the article is on screen, not on the way to it', async () => {
    const doc = await server.createDocument();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await recordCopyOpening(context);
    const desk = await openArticle(browser, link(doc.id, doc.tokens.editor), { context });
    await eventually(async () => expect(await copyOpenedWith(desk.page)).toBe(3));
    await eventually(async () => expect(await localUpdates(desk.page, doc.id)).toBeGreaterThan(0));
    expect(uncaught(desk)).toEqual([]);
    await context.close();
  });

  it('SPEC 10.9 the browser copy opens at once when the connection fails before the article arrives', async () => {
    // The content room's socket fails (not for good: 1011) before anything is sent, once while the
    // page is still starting and once after the editor is bound to the room.
    for (const when of ['at once', 'once the editor is there'] as const) {
      const doc = await server.createDocument();
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await recordCopyOpening(context);
      const held: WebSocketRoute[] = [];
      await context.routeWebSocket(
        (url) => url.pathname === `/collab/${doc.id}`,
        (socket) => (when === 'at once' || held.length > 0 ? socket.close({ code: 1011, reason: 'test' }) : held.push(socket)),
      );
      const desk = await openPage(browser, link(doc.id, doc.tokens.editor), { context });
      if (when !== 'at once') {
        await desk.page.waitForSelector('.editor-root[contenteditable="true"]');
        await eventually(() => expect(held).toHaveLength(1));
        expect(await copyOpenedWith(desk.page)).toBeUndefined();
        await held[0].close({ code: 1011, reason: 'test' });
      }
      await eventually(async () => expect(await copyOpenedWith(desk.page)).toBe(0));
      await eventually(async () => expect(await localUpdates(desk.page, doc.id)).toBeGreaterThan(0));
      await context.close();
    }
  });

  it('SPEC 10.10 a final close (revoked link, deleted article) says so, stops editing and does not retry', async () => {
    const doc = await server.createDocument();
    const desk = await openArticle(browser, link(doc.id, doc.tokens.editor));
    await state(desk.page, 'saved');
    let sockets = 0;
    desk.page.on('websocket', () => sockets++);
    const revoked = await server.api('POST', `/api/documents/${doc.id}/tokens/revoke`);
    expect(revoked.status).toBe(200);
    const banner = desk.page.getByTestId('closed-banner');
    await eventually(async () => expect(await banner.getAttribute('data-code')).toBe('4401'), { timeout: 10_000 });
    await expect(banner.textContent()).resolves.toContain('This link no longer works');
    await screenshot(desk.page, 'desk-closed');
    expect(await desk.page.locator('[contenteditable="true"]').count()).toBe(0);
    // y-websocket would retry within 2.5 s; nothing is opened again.
    await desk.page.waitForTimeout(3500);
    expect(sockets).toBe(0);
    expect(uncaught(desk)).toEqual([]);
    await desk.context.close();

    const other = await server.createDocument();
    const viewer = await openArticle(browser, link(other.id, other.tokens.viewer));
    await state(viewer.page, 'saved');
    await server.api('DELETE', `/api/documents/${other.id}`);
    await eventually(async () => expect(await viewer.page.getByTestId('closed-banner').getAttribute('data-code')).toBe('4404'), { timeout: 10_000 });
    await expect(viewer.page.getByTestId('closed-banner').textContent()).resolves.toContain('does not exist');
    expect(uncaught(viewer)).toEqual([]);
    await viewer.context.close();
  });
});
