// QA checks: pure functions shared by the browser, its Web Worker and the server.
import { checkDuplicates } from './duplicate.js';
import { checkEmpty } from './empty.js';
import { checkGlossary, compileGlossary } from './glossary.js';
import { checkNumbers } from './numbers.js';
import { checkPunctuation } from './punctuation.js';
import { snapToGraphemes } from './text.js';
import { QA_CHECKS, type QaInput, type QaIssue } from './types.js';
import { checkUntranslated } from './untranslated.js';
import { checkWhitespace } from './whitespace.js';

export type { GlossaryEntry } from './glossary-entry.js';
export type { QaCheck, QaInput, QaIssue, QaSegment, QaSeverity } from './types.js';
export { QA_CHECKS };

const checkOrder = (issue: QaIssue) => QA_CHECKS.indexOf(issue.check);

/** All checks over all segments, sorted by segment index, then start (issues without a range first). */
export function runQa(input: QaInput): QaIssue[] {
  const glossary = compileGlossary(input.glossary);
  const segments = [...input.segments].sort((a, b) => a.index - b.index);
  const issues: QaIssue[] = [];
  for (const segment of segments) {
    if (segment.target.trim() === '') {
      issues.push(...checkEmpty(segment));
      continue;
    }
    issues.push(
      ...checkNumbers(segment, input.sourceLang, input.targetLang),
      ...checkGlossary(segment, glossary),
      ...checkUntranslated(segment, input.targetLang),
      ...checkPunctuation(segment),
      ...checkWhitespace(segment),
    );
  }
  issues.push(...checkDuplicates(segments));
  const targets = new Map(segments.map((s) => [s.id, s.target]));
  for (const issue of issues) {
    if (issue.start === undefined || issue.end === undefined) continue;
    Object.assign(issue, snapToGraphemes(targets.get(issue.segmentId) ?? '', issue.start, issue.end));
  }
  return issues.sort(
    (a, b) => a.index - b.index || (a.start ?? -1) - (b.start ?? -1) || checkOrder(a) - checkOrder(b),
  );
}
