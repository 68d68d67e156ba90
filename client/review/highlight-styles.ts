// The highlight styles (CSS Custom Highlight API): one struck-through style per palette colour, so
// each author's suggestions wear their colour, plus comments, the item in focus and the pending
// selection. Generated from the palette so the two never drift apart.
import { PALETTE, colorFor } from '../collab/colors.js';

export const HIGHLIGHT = {
  deleted: (colorIndex: number) => `review-del-${colorIndex}`,
  comment: 'review-comment',
  active: 'review-active',
  pending: 'review-pending',
} as const;

export function authorColor(name: string): { color: string; index: number } {
  const color = colorFor(name);
  return { color, index: PALETTE.indexOf(color) };
}

let installed = false;

export function installHighlightStyles(): void {
  if (installed) return;
  installed = true;
  const sheet = new CSSStyleSheet();
  const rules = PALETTE.map(
    (color, i) =>
      `::highlight(${HIGHLIGHT.deleted(i)}) { color: ${color}; text-decoration: line-through ${color}; background-color: color-mix(in srgb, ${color} 9%, transparent); }`,
  );
  rules.push(
    `::highlight(${HIGHLIGHT.comment}) { background-color: rgb(250 204 21 / 28%); }`,
    `::highlight(${HIGHLIGHT.active}) { background-color: rgb(250 176 5 / 42%); }`,
    `::highlight(${HIGHLIGHT.pending}) { background-color: rgb(29 78 216 / 20%); }`,
  );
  sheet.replaceSync(rules.join('\n'));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
