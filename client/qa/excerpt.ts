// A short piece of a segment's text around an issue, for the QA panel.
const CONTEXT = 28;
const WHOLE = 90;

export interface Excerpt {
  before: string;
  hit: string;
  after: string;
}

/** Cuts at spaces where possible, marking cuts with an ellipsis. */
export function excerpt(text: string, start?: number, end?: number): Excerpt {
  if (start === undefined || end === undefined) {
    const short = text.length > WHOLE ? `${text.slice(0, WHOLE).replace(/\s+\S*$/, '')}…` : text;
    return { before: short, hit: '', after: '' };
  }
  let from = Math.max(0, start - CONTEXT);
  let to = Math.min(text.length, end + CONTEXT);
  const space = from > 0 ? text.indexOf(' ', from) : -1;
  if (space !== -1 && space < start) from = space + 1;
  const lastSpace = to < text.length ? text.lastIndexOf(' ', to) : -1;
  if (lastSpace > end) to = lastSpace;
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, start),
    hit: text.slice(start, end),
    after: text.slice(end, to) + (to < text.length ? '…' : ''),
  };
}
