// Helpers for the review UI's end-to-end tests: select text in the translation as a person would,
// type a key as a Bangla keyboard would, read the highlights drawn over the text.
import type { Page } from 'playwright-core';
import type { TestServer } from '../helpers/server.js';

export const ARTICLE = {
  source: 'Dhaka’s libraries put 10,000 rare books online\n\nThe city’s library network has scanned more than 10,000 rare books.\n\nVolunteers from 12 universities helped scan the pages.\n\nThe library plans to add 5,000 more titles by December 2025.',
  target:
    'ঢাকার গ্রন্থাগারগুলো ১০,০০০ দুর্লভ বই অনলাইনে তুলল\n\nশহরের গ্রন্থাগার নেটওয়ার্ক ১০,০০০-এর বেশি দুর্লভ বই স্ক্যান করেছে।\n\n১২টি বিশ্ববিদ্যালয়ের স্বেচ্ছাসেবকেরা পৃষ্ঠাগুলো স্ক্যান করতে সাহায্য করেছেন।\n\nগ্রন্থাগারটি ডিসেম্বর ২০২৫-এর মধ্যে আরও ৫,০০০ শিরোনাম যোগ করবে।',
};

/** A key as a Bangla keyboard layout sends it (Playwright's own keyboard knows only US keys). */
export async function typeKey(page: Page, key: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, text: key, unmodifiedText: key });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key });
  await cdp.detach();
}

/** Selects `text` in segment `index` (0-based) of the translation; `caret` leaves a caret before it. */
export async function selectText(page: Page, index: number, text: string, caret = false): Promise<void> {
  await page.evaluate(
    ([i, t, c]) => {
      const section = document.querySelectorAll('.editor-root section[data-segment-id]')[i as number];
      const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
      (document.activeElement as HTMLElement | null)?.blur(); // as a mouse selection would
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(t as string);
        if (at === -1) continue;
        document.getSelection()!.setBaseAndExtent(node, at, node, c ? at : at + (t as string).length);
        return;
      }
      throw new Error(`"${t}" is not in segment ${i}`);
    },
    [index, text, caret] as const,
  );
  await page.waitForTimeout(80);
}

/** Clicks just before `text` in segment `index`, as a mouse would. */
export async function clickBefore(page: Page, index: number, text: string): Promise<void> {
  const point = await page.evaluate(
    ([i, t]) => {
      const section = document.querySelectorAll('.editor-root section[data-segment-id]')[i as number];
      const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(t as string);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const rect = range.getClientRects()[0];
        return { x: rect.left + 1, y: rect.top + rect.height / 2 };
      }
      throw new Error(`"${t}" is not in segment ${i}`);
    },
    [index, text] as const,
  );
  await page.mouse.click(point.x, point.y);
  await page.waitForTimeout(80);
}

/** The text under each review highlight (CSS Custom Highlight API), by highlight name. */
export function highlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('review-') && highlight.size > 0) out[name] = [...highlight].map((r) => (r as Range).toString());
    });
    return out;
  });
}

export const struck = (marks: Record<string, string[]>) =>
  Object.entries(marks)
    .filter(([name]) => name.startsWith('review-del-'))
    .flatMap(([, texts]) => texts);

/** A personal token, as the page trades for one. */
export async function personal(server: TestServer, id: string, token: string, name: string): Promise<string> {
  return (await server.api('POST', `/api/documents/${id}/session`, { name }, token)).body.token;
}

export async function exported(server: TestServer, id: string, token: string): Promise<string> {
  return (await server.api('GET', `/api/documents/${id}/export?format=txt`, undefined, token)).body as string;
}
