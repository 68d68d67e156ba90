// User text in the page is text (SPEC 8.10): a title, segment text, sources, names, suggestions,
// notes, comments and glossary terms that look like markup show as written and never run; and the
// page's policy (SPEC 8.9) refuses what would run anyway.
import { describe, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually.js';
import { openArticle, openPage, presentNames } from '../helpers/browser.js';
import { ADMIN_TOKEN } from '../helpers/server.js';
import { deskSuite } from '../helpers/desk-suite.js';
import { personal } from './review-helpers.js';

const suite = deskSuite();

/** Markup that would set `window.__ran` if the page ever parsed it as HTML. */
const hostile = (where: string) => `<img src=x onerror="window.__ran='${where}'"> & <b>${where}</b> "]]>`;
/** The same for a display name, which is cut at 64 characters. */
const hostileName = (who: string) => `<img src=x onerror=window.__ran=1>${who} & "]]>`;

describe('hostile text in the desk (e2e)', { timeout: 90_000 }, () => {
  it('SPEC 8.10 SPEC 8.9 titles, text, names, suggestions, comments and glossary terms show as written and never run', async () => {
    const { server } = suite;
    const doc = await server.createDocument({
      title: hostile('title'),
      source: `${hostile('source')}\n\nSecond paragraph.`,
      target: `${hostile('target')}\n\n<script>window.__ran='script'</script> দ্বিতীয়।`,
    });
    const [first] = (await server.api('GET', `/api/documents/${doc.id}`, undefined, doc.tokens.viewer)).body.segments;
    const reviewer = await personal(server, doc.id, doc.tokens.reviewer, hostileName('reviewer'));
    expect((await server.api('POST', `/api/documents/${doc.id}/comments`, { segmentId: first.id, text: hostile('comment') }, reviewer)).status).toBe(201);
    const suggestion = { segmentId: first.id, find: '<b>target</b>', text: hostile('suggestion'), note: hostile('note') };
    expect((await server.api('POST', `/api/documents/${doc.id}/suggestions`, suggestion, reviewer)).status).toBe(201);
    const entries = [{ source: 'Second', target: hostile('term'), note: hostile('term note') }];
    expect((await server.api('PUT', `/api/documents/${doc.id}/glossary`, { entries }, doc.tokens.editor)).status).toBe(200);

    const home = await openPage(suite.browser, `${server.url}/?token=${ADMIN_TOKEN}`);
    await eventually(async () => expect(await home.page.getByText(hostile('title'), { exact: true }).count()).toBeGreaterThan(0));

    const editor = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: hostileName('editor') });
    const other = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: hostileName('other') });
    const { page } = editor;
    await eventually(async () => expect(await presentNames(page)).toEqual([hostileName('editor'), hostileName('other')].sort()), { timeout: 10_000 });
    await expect(page.locator('.article-title').textContent()).resolves.toBe(hostile('title'));
    await eventually(async () => expect(await page.locator('.editor-root section[data-segment-id]').first().textContent()).toBe(hostile('target')));
    await eventually(async () => expect(await page.locator('[data-source-for]').first().textContent()).toContain(hostile('source')));
    const card = page.getByTestId('suggestion-card');
    await eventually(async () => expect(await card.count()).toBe(1), { timeout: 10_000 });
    for (const text of [hostile('suggestion'), hostile('note'), hostileName('reviewer')]) await expect(card.textContent()).resolves.toContain(text);
    await expect(page.getByTestId('thread-card').textContent()).resolves.toContain(hostile('comment'));
    const term = page.locator('.src-text mark.term').first();
    await term.waitFor();
    await term.hover();
    const tip = page.getByTestId('term-tip');
    await tip.waitFor();
    for (const text of [hostile('term'), hostile('term note')]) await expect(tip.textContent()).resolves.toContain(text);

    for (const desk of [home, editor, other]) expect(await desk.page.evaluate(() => (window as { __ran?: string }).__ran)).toBeUndefined();
    expect([...home.errors, ...editor.errors, ...other.errors]).toEqual([]);

    // Should markup reach the page some other way, its policy does not let it run.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = "window.__ran = 'inline'";
      document.head.append(script);
      return (window as { __ran?: string }).__ran;
    });
    expect(ran).toBeUndefined();
    await eventually(() => expect(editor.errors.join('\n')).toMatch(/Content Security Policy/));
    await Promise.all([home.context.close(), editor.context.close(), other.context.close()]);
  });
});
