// Near misses: spellings a grapheme or two away from an agreed term (বেনিফ for বেনিওফ), endings aside.
import { editDistance } from './distance.js';
import { graphemes } from './text.js';
import { isEnding, termAt, type KeyedWord, type Term, type TermMatch } from './terms.js';

/** Longest inflectional ending considered, in UTF-16 units (-দেরকে, -গুলোকে). */
const MAX_ENDING = 8;
const cache = new Map<string, string[]>();

function cachedGraphemes(text: string): string[] {
  let parts = cache.get(text);
  if (!parts) {
    if (cache.size > 20_000) cache.clear();
    parts = graphemes(text);
    cache.set(text, parts);
  }
  return parts;
}

/** How many graphemes a spelling may differ by: none for terms under 3 graphemes, then 1, then 2. */
export function nearMissLimit(length: number): number {
  return length < 3 ? 0 : Math.min(2, Math.floor(length / 3));
}

/** Smallest grapheme distance between the term and the window's text with an ending cut off. */
function distanceToTerm(key: string, termKey: string, termGraphemes: string[], limit: number): number {
  let best = Infinity;
  for (let cut = key.length; cut >= Math.max(1, key.length - MAX_ENDING); cut--) {
    const rest = key.slice(cut);
    if (Math.abs(cut - termKey.length) > 4 * limit || /^[\uDC00-\uDFFF ]/.test(rest) || rest.includes(' ')) continue;
    if (!isEnding(rest)) continue;
    const stem = cachedGraphemes(key.slice(0, cut));
    if (Math.abs(stem.length - termGraphemes.length) > limit) continue;
    best = Math.min(best, editDistance(stem, termGraphemes));
  }
  return best;
}

/**
 * Runs of words (as many as the term has) spelled 1–2 graphemes away from the term, once a
 * possible ending is set aside; `skip(i)` excludes runs that start at word i.
 */
export function findNearMisses(ws: readonly KeyedWord[], term: Term, skip: (i: number) => boolean): TermMatch[] {
  const n = term.keys.length;
  const termKey = term.keys.join(' ');
  const termGraphemes = cachedGraphemes(termKey);
  const limit = nearMissLimit(termGraphemes.length);
  const found: TermMatch[] = [];
  if (limit === 0 || n === 0) return found;
  const first = termKey.codePointAt(0);
  const keyOf = (w: KeyedWord) => (term.caseSensitive ? w.exact : w.folded);
  for (let i = 0; i + n <= ws.length; i++) {
    // Spellings that start with another letter are other words (যুক্তি is not প্রযুক্তি).
    if (keyOf(ws[i]).codePointAt(0) !== first || skip(i) || termAt(ws, i, term)) continue;
    const key = n === 1 ? keyOf(ws[i]) : ws.slice(i, i + n).map(keyOf).join(' ');
    if (key.length < termKey.length - 4 * limit) continue;
    const distance = distanceToTerm(key, termKey, termGraphemes, limit);
    if (distance >= 1 && distance <= limit) found.push({ start: ws[i].start, end: ws[i + n - 1].end, wordIndex: i });
  }
  return found;
}
