// The highlight styles (CSS Custom Highlight API): one struck-through style per palette colour, so
// each author's suggestions wear their colour, plus comments, the item in focus and the pending
// selection. Generated from the palette so the two never drift apart.
import { PALETTE, colorFor, shownColor } from '../collab/colors.js';

export const HIGHLIGHT = {
  deleted: (colorIndex: number) => `review-del-${colorIndex}`,
  comment: 'review-comment',
  active: 'review-active',
  pending: 'review-pending',
} as const;

/** An author's colour as the page draws it (a token, styles/tokens.css) and its place in the palette. */
export function authorColor(name: string): { color: string; index: number } {
  const color = colorFor(name);
  return { color: shownColor(color), index: PALETTE.indexOf(color) };
}

let installed = false;

export function installHighlightStyles(): void {
  if (installed) return;
  installed = true;
  const sheet = new CSSStyleSheet();
  // Colours are tokens (styles/tokens.css), so the marks follow the colour scheme.
  const rules = PALETTE.map((hex, i) => {
    const color = shownColor(hex);
    const ink = `color-mix(in srgb, ${color} var(--deleted-hue), var(--ink))`;
    return `::highlight(${HIGHLIGHT.deleted(i)}) { color: ${ink}; text-decoration: line-through ${color}; background-color: color-mix(in srgb, ${color} var(--deleted-tint), transparent); }`;
  });
  rules.push(
    `::highlight(${HIGHLIGHT.comment}) { background-color: var(--hl-comment); }`,
    `::highlight(${HIGHLIGHT.active}) { background-color: var(--hl-active); }`,
    `::highlight(${HIGHLIGHT.pending}) { background-color: var(--hl-pending); }`,
  );
  sheet.replaceSync(rules.join('\n'));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
