// Glossaries in the desk: an editor adds a term in the Glossary panel, the source marks it, its
// tooltip shows the agreed translation and inserts it at the caret; CSV export and import; viewers
// read only; the admin keeps the workspace glossary from the home page. (SPEC 13.4–13.7)
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../helpers/server.js';
import { eventually } from '../helpers/eventually.js';
import { caretAtEnd, openArticle, openPage, saveState, screenshot, segmentTexts } from '../helpers/browser.js';
import { deskSuite } from '../helpers/desk-suite.js';

const suite = deskSuite();
const ARTICLE = {
  source: 'Salesforce workers write to Marc Benioff\n\nThe letter went to Salesforce on Monday.',
  target: 'কর্মীরা চিঠি লিখলেন\n\nসোমবার চিঠিটি পাঠানো হয়েছে।',
};

describe('glossaries in the desk (e2e)', { timeout: 60_000 }, () => {
  it('SPEC 13.4 an editor adds a term; the source marks it, hovering shows the agreed translation and Insert puts it at the caret', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Term Editor' });
    const { page } = desk;
    await page.getByTestId('glossary-button').click();
    const panel = page.getByTestId('glossary-panel');
    await panel.getByRole('button', { name: '+ Add term' }).click();
    await panel.getByLabel('Source term').first().fill('Salesforce');
    await panel.getByLabel('Agreed translation').first().fill('সেলসফোর্স');
    await panel.getByLabel('Forbidden variants').first().fill('সেলসফর্স, সেলসফোর্স্');
    await panel.getByLabel('Note').first().fill('The company; not the product');
    await panel.getByRole('button', { name: 'Save' }).click();
    await eventually(async () => expect(await panel.getByRole('status').textContent()).toBe('Saved 1 term.'));
    const { body } = await suite.server.api('GET', `/api/documents/${doc.id}/glossary`, undefined, doc.tokens.viewer);
    expect(body.entries).toEqual([{ source: 'Salesforce', target: 'সেলসফোর্স', forbidden: ['সেলসফর্স', 'সেলসফোর্স্'], note: 'The company; not the product' }]);

    // Both occurrences in the source are marked.
    const marks = page.locator('.src-text mark.term');
    await eventually(async () => expect(await marks.allTextContents()).toEqual(['Salesforce', 'Salesforce']));
    await page.getByTestId('glossary-panel').getByRole('button', { name: 'Close Glossary' }).click();

    // The caret goes to the start of the first segment; hovering the term shows its tooltip.
    await caretAtEnd(page, 0);
    await page.keyboard.press('Home');
    await marks.first().hover();
    const tip = page.getByTestId('term-tip');
    await tip.waitFor();
    expect(await tip.textContent()).toContain('সেলসফোর্স');
    expect(await tip.textContent()).toContain('The company; not the product');
    expect(await tip.locator('s').allTextContents()).toEqual(['সেলসফর্স', 'সেলসফোর্স্']);
    await screenshot(page, 'glossary-tooltip');
    await tip.getByRole('button', { name: 'Insert' }).click();
    await eventually(async () => expect((await segmentTexts(page))[0]).toBe('সেলসফোর্সকর্মীরা চিঠি লিখলেন'));
    await page.mouse.move(640, 780);
    await eventually(async () => expect(await tip.count()).toBe(0));
    // The caret stays after the insertion, in the editor: typing goes on from there.
    await page.keyboard.type(' ');
    await eventually(async () => expect((await segmentTexts(page))[0]).toBe('সেলসফোর্স কর্মীরা চিঠি লিখলেন'));
    await eventually(async () => expect(await saveState(page)).toBe('saved'), { timeout: 10_000 });
    const stored = await suite.server.api('GET', `/api/documents/${doc.id}`);
    expect(stored.body.segments[0].target).toBe('সেলসফোর্স কর্মীরা চিঠি লিখলেন');
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });

  it('SPEC 13.4 + Add term puts the new row at the top of the list, in view, with its source field focused', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    const entries = Array.from({ length: 30 }, (_, i) => ({ source: `Term ${i + 1}`, target: `শব্দ ${i + 1}` }));
    await suite.server.api('PUT', `/api/documents/${doc.id}/glossary`, { entries }, doc.tokens.editor);
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Quick Adder' });
    const { page } = desk;
    await page.getByTestId('glossary-button').click();
    const panel = page.getByTestId('glossary-panel');
    await eventually(async () => expect(await panel.getByLabel('Source term').count()).toBe(30));
    await panel.getByRole('button', { name: '+ Add term' }).click();
    // Typing goes straight into the new row: no click on its field first.
    await page.keyboard.type('Monday');
    await page.keyboard.press('Tab');
    await page.keyboard.type('সোমবার');
    const sources = panel.getByLabel('Source term');
    expect(await sources.count()).toBe(31);
    expect(await sources.first().inputValue()).toBe('Monday');
    expect(await panel.getByLabel('Agreed translation').first().inputValue()).toBe('সোমবার');
    const row = (await panel.getByTestId('glossary-row').first().boundingBox())!;
    const body = (await panel.locator('.side-panel-body').boundingBox())!;
    expect(row.y).toBeGreaterThanOrEqual(body.y);
    expect(row.y + row.height).toBeLessThanOrEqual(body.y + body.height);
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });

  it('SPEC 13.5 the article glossary exports and imports CSV; viewers read it without editing', async () => {
    const doc = await suite.server.createDocument(ARTICLE);
    await suite.server.api('PUT', `/api/documents/${doc.id}/glossary`, { entries: [{ source: 'Marc Benioff', target: 'মার্ক বেনিওফ', forbidden: ['বেনিয়ফ'], note: 'CEO, founder' }] }, doc.tokens.editor);
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'CSV Editor' });
    const { page } = desk;
    await page.getByTestId('glossary-button').click();
    const panel = page.getByTestId('glossary-panel');
    await eventually(async () => expect(await panel.getByLabel('Source term').inputValue()).toBe('Marc Benioff'));
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('glossary.csv');
    expect(await readFile((await download.path())!, 'utf8')).toBe('\uFEFFsource,target,forbidden,note,caseSensitive\r\nMarc Benioff,মার্ক বেনিওফ,বেনিয়ফ,"CEO, founder",\r\n');

    // A file as Excel saves it ("CSV UTF-8": a byte order mark, CRLF), one term matching case.
    const csv = '\uFEFFsource,target,forbidden,note,caseSensitive\r\nSalesforce,সেলসফোর্স,সেলসফর্স,company,TRUE\r\nMonday,সোমবার,,,\r\n';
    await panel.locator('input[type="file"]').setInputFiles({ name: 'terms.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await panel.getByRole('button', { name: 'Replace' }).click();
    await eventually(async () => expect(await panel.getByRole('status').textContent()).toBe('Imported 2 terms from terms.csv.'));
    expect(await panel.getByLabel('Source term').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(['Salesforce', 'Monday']);
    expect(await panel.getByRole('button', { name: 'Match case' }).evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-pressed')))).toEqual(['true', 'false']);
    await eventually(async () => expect(await page.locator('.src-text mark.term').allTextContents()).toEqual(['Salesforce', 'Salesforce', 'Monday']));
    await screenshot(page, 'glossary-panel');

    const viewer = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.viewer), { name: 'Reader' });
    await viewer.page.getByTestId('glossary-button').click();
    const readOnly = viewer.page.getByTestId('glossary-panel');
    await eventually(async () => expect(await readOnly.getByTestId('glossary-row').count()).toBe(2));
    expect(await readOnly.locator('input:not([type="file"])').count()).toBe(0);
    expect(await readOnly.getByRole('button', { name: 'Save' }).count()).toBe(0);
    await viewer.page.locator('.src-text mark.term').first().hover();
    await viewer.page.getByTestId('term-tip').waitFor();
    expect(await viewer.page.getByTestId('term-tip').getByRole('button', { name: 'Insert' }).count()).toBe(0);
    expect([...desk.errors, ...viewer.errors]).toEqual([]);
    await Promise.all([desk.context.close(), viewer.context.close()]);
  });

  it('SPEC 13.6 the admin keeps the workspace glossary on the home page; articles mark and check its terms', async () => {
    const home = await openPage(suite.browser, `${suite.server.url}/?token=${ADMIN_TOKEN}`);
    await home.page.getByRole('button', { name: 'Glossary' }).click();
    const dialog = home.page.getByRole('dialog', { name: 'Workspace glossary' });
    await dialog.getByRole('button', { name: '+ Add term' }).click();
    await dialog.getByLabel('Source term').first().fill('Marc Benioff');
    await dialog.getByLabel('Agreed translation').first().fill('মার্ক বেনিওফ');
    await dialog.getByLabel('Forbidden variants').first().fill('মার্ক বেনিয়ফ');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await eventually(async () => expect(await dialog.getByRole('status').textContent()).toBe('Saved 1 term.'));
    await screenshot(home.page, 'glossary-workspace');
    expect((await suite.server.api('GET', '/api/glossary')).body.entries).toEqual([{ source: 'Marc Benioff', target: 'মার্ক বেনিওফ', forbidden: ['মার্ক বেনিয়ফ'] }]);

    const doc = await suite.server.createDocument({ ...ARTICLE, target: 'কর্মীরা মার্ক বেনিয়ফকে চিঠি লিখলেন\n\nসোমবার চিঠিটি পাঠানো হয়েছে।' });
    const desk = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Workspace Reader' });
    await eventually(async () => expect(await desk.page.locator('.src-text mark.term').allTextContents()).toEqual(['Marc Benioff']), { timeout: 10_000 });
    await desk.page.locator('.src-text mark.term').hover();
    expect(await desk.page.getByTestId('term-tip').textContent()).toContain('Workspace');
    await eventually(async () => expect(await desk.page.getByTestId('qa-badge').getAttribute('data-errors')).toBe('1'), { timeout: 10_000 });
    await suite.server.api('PUT', '/api/glossary', { entries: [] });
    expect([...home.errors, ...desk.errors]).toEqual([]);
    await Promise.all([home.context.close(), desk.context.close()]);
  });
});
