import { readNumbers, type ReadNumber } from './number-phrases.js';
import { qaIssue, type QaIssue, type QaSegment } from './types.js';

type Same = (a: ReadNumber, b: ReadNumber) => boolean;
const sameValue: Same = (a, b) => a.value === b.value;
const sameMeaning: Same = (a, b) => a.value === b.value || a.value === b.also || a.also === b.value;

/** Takes out of both lists the pairs that are the same number (each used once), in order. */
function pairOff(from: ReadNumber[], to: ReadNumber[], same: Same): void {
  for (let i = 0; i < from.length; i++) {
    const j = to.findIndex((other) => same(from[i], other));
    if (j === -1) continue;
    from.splice(i--, 1);
    to.splice(j, 1);
  }
}

/**
 * A clock time of `numbers` (its hour and minutes both unpaired) said in hours on the other side
 * (5:30 = সাড়ে ৫টা, সাড়ে পাঁচটা; 5:45 = পৌনে ছটা): all three taken out.
 */
function pairClocks(numbers: ReadNumber[], ...others: ReadNumber[][]): void {
  for (const hour of [...numbers]) {
    const { clock } = hour;
    if (!clock || !numbers.includes(hour) || !numbers.includes(clock.minutes)) continue;
    const list = others.find((other) => other.some((n) => n.value === clock.value));
    if (!list) continue;
    list.splice(list.findIndex((n) => n.value === clock.value), 1);
    numbers.splice(numbers.indexOf(hour), 1);
    numbers.splice(numbers.indexOf(clock.minutes), 1);
  }
}

/**
 * Every number of the source is in the target with the same value, wherever it stands, whatever the
 * digits, grouping or decimal mark (2,500 = ২,৫০০ = 2 500; 1,00,000 = 100,000), or in words
 * (24 = চব্বিশ, 2,500 = আড়াই হাজার, 3.5 crore = সাড়ে তিন কোটি, 500,000 = half a million).
 */
export function checkNumbers(segment: QaSegment, sourceLang: string, targetLang: string): QaIssue[] {
  if (segment.source == null) return [];
  const source = readNumbers(segment.source, sourceLang);
  const target = readNumbers(segment.target, targetLang);
  const missing = source.filter((n) => !n.spelled);
  const extra = target.filter((n) => !n.spelled);
  pairOff(missing, extra, sameValue);
  if (missing.length === 0 && extra.length === 0) return [];
  pairOff(missing, extra, sameMeaning);
  // A number in words on the other side counts. A word is never missing or extra itself: "এক" is
  // also "a", "one" a pronoun, "নয়" "is not".
  const targetWords = target.filter((n) => n.spelled);
  const sourceWords = source.filter((n) => n.spelled);
  pairOff(missing, targetWords, sameMeaning);
  pairOff(extra, sourceWords, sameMeaning);
  pairClocks(missing, extra, targetWords);
  pairClocks(extra, missing, sourceWords);
  // A missing number and an extra one in the same order most likely are one changed number; so is a
  // missing number left over and a word whose value the source has nowhere (24 → পঁচিশ), unless
  // that word is one, as often an article or a pronoun.
  const sourceValues = new Set(source.map((n) => n.value));
  const changedTo = [...extra, ...targetWords.filter((w) => w.value !== '1' && !sourceValues.has(w.value))];
  const issues: QaIssue[] = missing.map((n, i) => {
    const to = changedTo[i];
    return to
      ? qaIssue(segment, 'numbers', 'error', `Number ${n.text} in the source is ${to.text} in the translation`, to)
      : qaIssue(segment, 'numbers', 'error', `Number ${n.text} in the source is missing from the translation`);
  });
  for (const n of extra.slice(missing.length)) {
    issues.push(qaIssue(segment, 'numbers', 'error', `Number ${n.text} is not in the source`, n));
  }
  return issues;
}
