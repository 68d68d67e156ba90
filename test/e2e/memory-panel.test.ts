// The desk's Memory panel in a real browser (SPEC 18.10–18.12): matches follow the caret, Ctrl+1
// inserts one as an ordinary edit another editor sees and Ctrl+Z takes back, a reviewer's insert is
// a suggestion, and the concordance finds a Bengali name under its case ending.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { caretAtEnd, openArticle, segmentTexts, type DeskPage } from '../helpers/browser.js';
import { deskSuite } from '../helpers/desk-suite.js';
import { eventually } from '../helpers/eventually.js';
import { clickBefore, selectText } from './review-helpers.js';

const suite = deskSuite();

const KNOWN = { source: 'The ministry said the talks would resume on Monday.', target: 'মন্ত্রণালয় জানিয়েছে, সোমবার আলোচনা আবার শুরু হবে।' };
const SIMILAR = 'The ministry said the talks would resume on Tuesday.';

/** An article whose only segment is confirmed by its editor, so the memory holds it as a unit. */
async function confirmed(pair: { source: string; target: string }): Promise<void> {
  const { server } = suite;
  const doc = await server.createDocument(pair);
  const [segment] = (await server.api('GET', `/api/documents/${doc.id}`)).body.segments;
  expect((await server.api('PUT', `/api/documents/${doc.id}/segments/${segment.id}/status`, { status: 'translated' }, doc.tokens.editor)).status).toBe(200);
}

const panel = (page: Page) => page.getByTestId('memory-panel');

async function closeAll(...desks: DeskPage[]): Promise<void> {
  for (const desk of desks) expect(desk.errors).toEqual([]);
  await Promise.all(desks.map((d) => d.context.close()));
}

describe('Memory panel (e2e)', { timeout: 90_000 }, () => {
  it('SPEC 18.10 SPEC 18.11 the panel shows the caret segment’s match with its score and differences; Ctrl+1 inserts it live, Ctrl+Z takes it back', async () => {
    await confirmed(KNOWN);
    const doc = await suite.server.createDocument({ source: `${SIMILAR}\n\nAn unrelated sentence about the weather tomorrow.`, target: 'পুরোনো খসড়া।\n\nআগামীকাল বৃষ্টি হবে।' });
    const ana = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Ana' });
    const bimal = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Bimal' });

    const asked: string[] = [];
    ana.page.on('request', (request) => request.url().includes('/matches') && asked.push(request.url()));
    await ana.page.getByTestId('memory-button').click();
    await caretAtEnd(ana.page, 1);
    await eventually(async () => expect(await panel(ana.page).getByTestId('tm-empty').textContent()).toBe('No matches in the memory.'), { timeout: 10_000 });

    await caretAtEnd(ana.page, 0);
    const match = panel(ana.page).getByTestId('tm-match');
    await eventually(async () => expect(await match.count()).toBe(1), { timeout: 10_000 });
    const score = Number((await match.getByTestId('tm-score').textContent())!.replace(' %', ''));
    expect(score).toBeGreaterThanOrEqual(50);
    expect(score).toBeLessThan(100);
    const source = match.getByTestId('tm-source');
    expect(await source.locator('del').allTextContents()).toEqual(['Monday']);
    expect(await source.locator('ins').allTextContents()).toEqual(['Tuesday']);
    expect(await match.getByTestId('tm-target').textContent()).toBe(KNOWN.target);
    await ana.page.screenshot({ path: 'test-artifacts/memory-panel.png' });

    // Typing asks nothing, and segments seen before are not asked again: one question a segment.
    await ana.page.keyboard.type(' আরও');
    await eventually(async () => expect((await segmentTexts(bimal.page))[0]).toBe('পুরোনো খসড়া। আরও'), { timeout: 10_000 });
    await caretAtEnd(ana.page, 1);
    await eventually(async () => expect(await panel(ana.page).getByTestId('tm-empty').count()).toBe(1), { timeout: 10_000 });
    await caretAtEnd(ana.page, 0);
    await eventually(async () => expect(await match.count()).toBe(1), { timeout: 10_000 });
    expect(asked.length).toBe(2);

    // Typed just before, the last keystroke stays when the insertion is undone: the insertion is a step of its own.
    await ana.page.keyboard.type('!');
    await ana.page.keyboard.press('Control+1');
    await eventually(async () => expect((await segmentTexts(ana.page))[0]).toBe(KNOWN.target));
    await eventually(async () => expect((await segmentTexts(bimal.page))[0]).toBe(KNOWN.target), { timeout: 10_000 });

    await ana.page.keyboard.press('Control+z');
    await eventually(async () => expect((await segmentTexts(ana.page))[0]).toBe('পুরোনো খসড়া। আরও!'));
    await eventually(async () => expect((await segmentTexts(bimal.page))[0]).toBe('পুরোনো খসড়া। আরও!'), { timeout: 10_000 });

    // The match's button does the same.
    await match.getByRole('button', { name: /Insert/ }).click();
    await eventually(async () => expect((await segmentTexts(bimal.page))[0]).toBe(KNOWN.target), { timeout: 10_000 });

    // The keys act only where the panel's matches are for: in the other segment, nothing changes.
    await caretAtEnd(ana.page, 1);
    await eventually(async () => expect(await panel(ana.page).getByTestId('tm-empty').count()).toBe(1), { timeout: 10_000 });
    await ana.page.keyboard.press('Control+1');
    await eventually(async () => expect(await ana.page.getByTestId('notices').textContent()).toContain('No match 1 for this segment in the memory.'));
    expect(await segmentTexts(ana.page)).toEqual([KNOWN.target, 'আগামীকাল বৃষ্টি হবে।']);
    await closeAll(ana, bimal);
  });

  it('SPEC 18.10 a 100 % match whose segment before matched too is shown first, with the context badge', async () => {
    const { server } = suite;
    const earlier = await server.createDocument({ source: 'Dhaka, 5 May.\n\nThe ministry declined to comment.', target: 'ঢাকা, ৫ মে।\n\nমন্ত্রণালয় মন্তব্য করেনি।' });
    for (const segment of (await server.api('GET', `/api/documents/${earlier.id}`)).body.segments) {
      expect((await server.api('PUT', `/api/documents/${earlier.id}/segments/${segment.id}/status`, { status: 'approved' }, earlier.tokens.editor)).status).toBe(200);
    }
    await confirmed({ source: 'The ministry declined to comment.', target: 'মন্ত্রণালয় কোনো মন্তব্য করতে রাজি হয়নি।' });
    const doc = await server.createDocument({ source: 'Dhaka, 5 May.\n\nThe ministry declined to comment.', target: 'ঢাকা, ৫ মে।\n\nখসড়া।' });
    const ana = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Ana' });
    await ana.page.keyboard.press('Alt+Shift+M');
    await caretAtEnd(ana.page, 1);
    const match = panel(ana.page).getByTestId('tm-match');
    await eventually(async () => expect(await match.count()).toBe(2), { timeout: 10_000 });
    expect(await match.getByTestId('tm-score').allTextContents()).toEqual(['100 %', '100 %']);
    expect(await match.first().getByText('context', { exact: true }).count()).toBe(1);
    expect(await match.nth(1).getByText('context', { exact: true }).count()).toBe(0);
    expect(await match.getByTestId('tm-target').allTextContents()).toEqual(['মন্ত্রণালয় মন্তব্য করেনি।', 'মন্ত্রণালয় কোনো মন্তব্য করতে রাজি হয়নি।']);
    expect(await match.first().getByTestId('tm-source').locator('del, ins').count()).toBe(0);
    await closeAll(ana);
  });

  it('SPEC 18.10 SPEC 18.4 a confirmed segment edited meanwhile: back in a segment seen before, the panel shows the memory as it is now', async () => {
    const { server } = suite;
    const doc = await server.createDocument({
      source: 'The council approved the new budget on Sunday.\n\nThe council approved the new budget on Thursday.',
      target: 'পরিষদ রবিবার নতুন বাজেট অনুমোদন করেছে।\n\nখসড়া।',
    });
    const [first] = (await server.api('GET', `/api/documents/${doc.id}`)).body.segments;
    expect((await server.api('PUT', `/api/documents/${doc.id}/segments/${first.id}/status`, { status: 'translated' }, doc.tokens.editor)).status).toBe(200);
    const ana = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Ana' });
    await ana.page.getByTestId('memory-button').click();
    await caretAtEnd(ana.page, 1);
    const target = panel(ana.page).getByTestId('tm-match').getByTestId('tm-target');
    await eventually(async () => expect(await target.allTextContents()).toEqual(['পরিষদ রবিবার নতুন বাজেট অনুমোদন করেছে।']), { timeout: 10_000 });

    // The confirmed segment is edited; its unit follows once the change is noted.
    await caretAtEnd(ana.page, 0);
    await ana.page.keyboard.type(' সূত্র: বাসস');
    await eventually(async () => {
      await caretAtEnd(ana.page, 0);
      await caretAtEnd(ana.page, 1);
      await eventually(async () => expect(await target.count()).toBe(1), { timeout: 5_000 });
      expect(await target.allTextContents()).toEqual(['পরিষদ রবিবার নতুন বাজেট অনুমোদন করেছে। সূত্র: বাসস']);
    }, { timeout: 20_000 });
    await closeAll(ana);
  });

  it('SPEC 18.10 a failed request says so in the panel, and Try again asks again', async () => {
    await confirmed(KNOWN);
    const doc = await suite.server.createDocument({ source: SIMILAR, target: 'খসড়া।' });
    const ana = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Ana' });
    // The network fails for the memory's questions alone (the server is reachable for the rest).
    await ana.page.route('**/matches', (route) => route.abort('connectionrefused'));
    await ana.page.getByTestId('memory-button').click();
    await caretAtEnd(ana.page, 0);
    const status = panel(ana.page).getByRole('status');
    await eventually(async () => expect(await status.textContent()).toContain('The server cannot be reached'), { timeout: 10_000 });
    expect(await segmentTexts(ana.page)).toEqual(['খসড়া।']);
    await ana.page.unroute('**/matches');
    await status.getByRole('button', { name: 'Try again' }).click();
    await eventually(async () => expect(await panel(ana.page).getByTestId('tm-match').count()).toBe(1), { timeout: 10_000 });
    ana.errors.splice(0, ana.errors.length, ...ana.errors.filter((e) => !e.includes('Failed to load resource')));
    await closeAll(ana);
  });

  it('SPEC 18.11 a reviewer’s Ctrl+1 becomes a suggestion to replace the segment’s text; a viewer has no Insert', async () => {
    await confirmed(KNOWN);
    const doc = await suite.server.createDocument({ source: SIMILAR, target: 'পুরোনো অনুবাদ।' });
    const rina = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.reviewer), { name: 'Rina' });
    await rina.page.keyboard.press('Alt+Shift+M');
    await clickBefore(rina.page, 0, 'অনুবাদ');
    const match = panel(rina.page).getByTestId('tm-match');
    await eventually(async () => expect(await match.count()).toBe(1), { timeout: 10_000 });
    await rina.page.keyboard.press('Control+1');
    await eventually(async () => {
      const { body } = await suite.server.api('GET', `/api/documents/${doc.id}/suggestions`);
      expect(body.suggestions.map((s: { text: string; author: string; quote: { exact: string } }) => [s.text, s.author, s.quote.exact])).toEqual([[KNOWN.target, 'Rina', 'পুরোনো অনুবাদ।']]);
    });
    expect(await segmentTexts(rina.page)).toEqual(['পুরোনো অনুবাদ।']);

    const vera = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.viewer), { name: 'Vera' });
    await vera.page.getByTestId('memory-button').click();
    await clickBefore(vera.page, 0, 'অনুবাদ');
    await eventually(async () => expect(await panel(vera.page).getByTestId('tm-match').count()).toBe(1), { timeout: 10_000 });
    expect(await panel(vera.page).getByRole('button', { name: /Insert/ }).count()).toBe(0);
    await closeAll(rina, vera);
  });

  it('SPEC 18.12 the concordance finds বেনিওফ in a unit holding বেনিওফের, the hit marked, from the field and from a selection; the field keeps its words while the panel is closed', async () => {
    await confirmed({ source: 'Benioff said the company would grow.', target: 'বেনিওফের মতে প্রতিষ্ঠানটি বড় হবে।' });
    const doc = await suite.server.createDocument({ source: 'Benioff spoke on Monday.', target: 'বেনিওফ সোমবার কথা বলেছেন।' });
    const ana = await openArticle(suite.browser, suite.link(doc.id, doc.tokens.editor), { name: 'Ana' });
    await ana.page.getByTestId('memory-button').click();
    await panel(ana.page).getByTestId('concordance-field').fill('বেনিওফ');
    const unit = panel(ana.page).getByTestId('concordance-unit');
    await eventually(async () => expect(await unit.count()).toBe(1), { timeout: 10_000 });
    expect(await unit.locator('mark.tm-hit').allTextContents()).toEqual(['বেনিওফে']);
    expect(await unit.textContent()).toContain('বেনিওফের মতে প্রতিষ্ঠানটি বড় হবে।');

    // Escape empties the field and keeps the panel open.
    await panel(ana.page).getByTestId('concordance-field').press('Escape');
    await eventually(async () => expect(await unit.count()).toBe(0));
    expect(await panel(ana.page).getByTestId('concordance-field').inputValue()).toBe('');

    // What the field holds is still there when the panel opens again.
    await panel(ana.page).getByTestId('concordance-field').fill('প্রতিষ্ঠান');
    await eventually(async () => expect(await unit.count()).toBe(1), { timeout: 10_000 });
    await ana.page.getByTestId('memory-button').click();
    await eventually(async () => expect(await panel(ana.page).count()).toBe(0));
    await ana.page.getByTestId('memory-button').click();
    expect(await panel(ana.page).getByTestId('concordance-field').inputValue()).toBe('প্রতিষ্ঠান');
    await eventually(async () => expect(await unit.locator('mark.tm-hit').allTextContents()).toEqual(['প্রতিষ্ঠান']), { timeout: 10_000 });

    // From the text: select the name and press the shortcut.
    await selectText(ana.page, 0, 'বেনিওফ');
    await ana.page.keyboard.press('Control+Shift+K');
    await eventually(async () => expect(await panel(ana.page).getByTestId('concordance-field').inputValue()).toBe('বেনিওফ'));
    await eventually(async () => expect(await unit.locator('mark.tm-hit').allTextContents()).toEqual(['বেনিওফে']), { timeout: 10_000 });
    await closeAll(ana);
  });
});
