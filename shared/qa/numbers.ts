import { findNumbers, type NumberToken } from './digits.js';
import { findNumberWords } from './number-words.js';
import { qaIssue, type QaIssue, type QaSegment } from './types.js';

/** Removes from `from` one token per value present in `other` (a multiset difference). */
function unmatched(from: NumberToken[], other: NumberToken[]): NumberToken[] {
  const counts = new Map<string, number>();
  for (const token of other) counts.set(token.value, (counts.get(token.value) ?? 0) + 1);
  return from.filter((token) => {
    const left = counts.get(token.value) ?? 0;
    if (left > 0) counts.set(token.value, left - 1);
    return left === 0;
  });
}

/**
 * Every number of the source appears in the target with the same value, whatever the digits,
 * grouping or decimal mark (2,500 = ২,৫০০ = 2 500; 1,00,000 = 100,000), or spelled out (24 = চব্বিশ).
 */
export function checkNumbers(segment: QaSegment, sourceLang: string, targetLang: string): QaIssue[] {
  if (segment.source == null) return [];
  const source = findNumbers(segment.source, sourceLang);
  const target = findNumbers(segment.target, targetLang);
  let missing = unmatched(source, target);
  let extra = unmatched(target, source);
  if (missing.length === 0 && extra.length === 0) return [];
  // A number spelled out on the other side satisfies one in digits. A word is never missing or extra
  // itself: "এক" is also "a", "one" a pronoun, "নয়" "is not".
  const sourceWords = findNumberWords(segment.source, sourceLang);
  const targetWords = findNumberWords(segment.target, targetLang);
  missing = unmatched(missing, targetWords);
  extra = unmatched(extra, sourceWords);
  // A missing number and an extra one in the same order most likely are one changed number; so is a
  // missing number left over and a word whose value the source has nowhere (24 → পঁচিশ), unless
  // that word is one, as often an article or a pronoun.
  const sourceValues = new Set([...source, ...sourceWords].map((token) => token.value));
  const changedTo = [...extra, ...targetWords.filter((w) => w.value !== '1' && !sourceValues.has(w.value))];
  const issues: QaIssue[] = missing.map((token, i) => {
    const to = changedTo[i];
    return to
      ? qaIssue(segment, 'numbers', 'error', `Number ${token.text} in the source is ${to.text} in the translation`, to)
      : qaIssue(segment, 'numbers', 'error', `Number ${token.text} in the source is missing from the translation`);
  });
  for (const token of extra.slice(missing.length)) {
    issues.push(qaIssue(segment, 'numbers', 'error', `Number ${token.text} is not in the source`, token));
  }
  return issues;
}
