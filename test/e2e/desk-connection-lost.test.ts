// The desk when the server stops answering without closing anything: the page says so within
// seconds, and reconnects and saves once the server answers again. (SPEC 10.23)
import { describe, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually.js';
import { caretAtEnd, openArticle, saveState } from '../helpers/browser.js';
import { deskSuite } from '../helpers/desk-suite.js';

const suite = deskSuite();

describe('the desk when the server stops answering (e2e)', { timeout: 60_000 }, () => {
  it('SPEC 10.23 a silent server shows as offline within seconds of typing; when it answers again the page reconnects and saves', async () => {
    const doc = await suite.server.createDocument();
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    // The content socket goes through the test. While `gone`, nothing passes either way on the open
    // socket and new sockets fail, as when the server's machine drops off the network.
    let gone = false;
    await context.routeWebSocket(
      (url) => url.pathname === `/collab/${doc.id}`,
      async (page) => {
        if (gone) return page.close({ code: 1006, reason: 'unreachable' });
        const server = page.connectToServer();
        page.onMessage((message) => !gone && server.send(message));
        server.onMessage((message) => !gone && page.send(message));
      },
    );
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { context });
    await eventually(async () => expect(await saveState(desk.page)).toBe('saved'), { timeout: 10_000 });

    gone = true;
    await caretAtEnd(desk.page, 0);
    await desk.page.keyboard.type(' — সংযোগ');
    const typedAt = Date.now();
    await eventually(async () => expect(await saveState(desk.page)).toBe('offline-kept'), { timeout: 6000 });
    expect(Date.now() - typedAt).toBeLessThan(6000);
    expect(await desk.page.getByTestId('save-state').textContent()).toBe('Offline — changes kept in this browser');
    await eventually(async () => expect(await desk.page.getByTestId('offline-banner').isVisible()).toBe(true));

    gone = false;
    await eventually(async () => expect(await saveState(desk.page)).toBe('saved'), { timeout: 15_000 });
    expect(await desk.page.getByTestId('offline-banner').count()).toBe(0);
    const { body } = await suite.server.api('GET', `/api/documents/${doc.id}`);
    expect(body.segments[0].target).toBe('শিরোনাম — সংযোগ');
    expect(desk.errors).toEqual([]);
    await context.close();
  });
});
