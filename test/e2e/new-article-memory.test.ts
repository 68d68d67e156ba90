// New article with "Fill empty paragraphs from the translation memory" ticked, in a real browser
// (SPEC 18.8): the paragraph the memory knows is filled in, a draft with the memory's comment.
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../helpers/server.js';
import { openPage } from '../helpers/browser.js';
import { deskSuite } from '../helpers/desk-suite.js';

const suite = deskSuite();

describe('New article from the translation memory (e2e)', { timeout: 60_000 }, () => {
  it('SPEC 18.8 the New-article dialog fills empty paragraphs from 100 % matches when asked', async () => {
    const { server } = suite;
    const known = await server.createDocument({ source: 'The ministry declined to comment.', target: 'মন্ত্রণালয় মন্তব্য করতে রাজি হয়নি।' });
    const [segment] = (await server.api('GET', `/api/documents/${known.id}`)).body.segments;
    expect((await server.api('PUT', `/api/documents/${known.id}/segments/${segment.id}/status`, { status: 'approved' }, known.tokens.editor)).status).toBe(200);

    const desk = await openPage(suite.browser, `${server.url}/?token=${ADMIN_TOKEN}`);
    const { page } = desk;
    await page.getByRole('button', { name: 'New article' }).first().click();
    await page.getByLabel('Title').fill('From the memory');
    await page.getByLabel('Source', { exact: true }).fill('The ministry declined to comment.\n\nThe minister was abroad.');
    const memory = page.getByLabel(/Fill empty paragraphs from the translation memory/);
    expect(await memory.isChecked()).toBe(false);
    await memory.check();
    await page.getByRole('button', { name: 'Create article' }).click();
    const dialog = page.getByRole('dialog', { name: /Share/ });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();

    const { documents } = (await server.api('GET', '/api/documents')).body;
    const created = documents.find((doc: { title: string }) => doc.title === 'From the memory');
    const { segments } = (await server.api('GET', `/api/documents/${created.id}`)).body;
    expect(segments.map((s: { target: string; status: string }) => [s.target, s.status])).toEqual([
      ['মন্ত্রণালয় মন্তব্য করতে রাজি হয়নি।', 'draft'],
      ['', 'draft'],
    ]);
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });
});
