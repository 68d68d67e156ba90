import { findNumbers, type NumberToken } from './digits.js';
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
 * grouping or decimal mark (2,500 = ২,৫০০ = 2 500; 1,00,000 = 100,000).
 */
export function checkNumbers(segment: QaSegment, sourceLang: string, targetLang: string): QaIssue[] {
  if (segment.source == null) return [];
  const source = findNumbers(segment.source, sourceLang);
  const target = findNumbers(segment.target, targetLang);
  const missing = unmatched(source, target);
  const extra = unmatched(target, source);
  const issues: QaIssue[] = [];
  // A missing number and an extra one in the same order most likely are one changed number.
  const changed = Math.min(missing.length, extra.length);
  for (let i = 0; i < changed; i++) {
    const message = `Number ${missing[i].text} in the source is ${extra[i].text} in the translation`;
    issues.push(qaIssue(segment, 'numbers', 'error', message, extra[i]));
  }
  for (const token of missing.slice(changed)) {
    issues.push(qaIssue(segment, 'numbers', 'error', `Number ${token.text} in the source is missing from the translation`));
  }
  for (const token of extra.slice(changed)) {
    issues.push(qaIssue(segment, 'numbers', 'error', `Number ${token.text} is not in the source`, token));
  }
  return issues;
}
