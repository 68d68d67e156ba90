// QA checks: pure functions shared by the browser, its Web Worker and the server.
import { checkDuplicates } from './duplicate.js';
import { checkEmpty } from './empty.js';
import { checkGlossary, compileGlossary, type CompiledEntry } from './glossary.js';
import { NameIndex, tallyNames, type NameTally } from './names.js';
import { checkNumbers } from './numbers.js';
import { checkPunctuation } from './punctuation.js';
import { snapToGraphemes } from './text.js';
import { QA_CHECKS, type QaInput, type QaIssue, type QaSegment } from './types.js';
import { checkUnsourced } from './unsourced.js';
import { checkUntranslated } from './untranslated.js';
import { checkWhitespace } from './whitespace.js';

export type { GlossaryEntry } from './glossary-entry.js';
export type { QaCheck, QaInput, QaIssue, QaSegment, QaSeverity } from './types.js';
export { QA_CHECKS };

const checkOrder = (issue: QaIssue) => QA_CHECKS.indexOf(issue.check);

/** Issue ranges widened to grapheme boundaries of the segment's target. */
function snapped(issues: QaIssue[], target: string): QaIssue[] {
  for (const issue of issues) {
    if (issue.start !== undefined && issue.end !== undefined) Object.assign(issue, snapToGraphemes(target, issue.start, issue.end));
  }
  return issues;
}

/** Every check that looks at one segment alone. */
function checkSegment(segment: QaSegment, input: QaInput, glossary: readonly CompiledEntry[]): QaIssue[] {
  if (segment.target.trim() === '') return checkEmpty(segment);
  return snapped(
    [
      ...checkNumbers(segment, input.sourceLang, input.targetLang),
      ...checkGlossary(segment, glossary),
      ...checkUntranslated(segment, input.targetLang),
      ...checkPunctuation(segment),
      ...checkWhitespace(segment),
    ],
    segment.target,
  );
}

/**
 * Checks one article again and again (live QA): a segment whose source and target are the same as
 * in the last run keeps its issues, so a run after a keystroke checks one segment, not thousands of
 * words. A change of languages or glossary checks everything again. The article-wide names check
 * keeps each segment's word tally the same way, and its index takes in only the segments that changed.
 */
export class QaChecker {
  private context = '';
  private glossary: CompiledEntry[] = [];
  /** Last run's per-segment issues, by source and target. */
  private known = new Map<string, QaIssue[]>();
  /** Last run's per-segment word tallies, by source and target (they need no languages or glossary). */
  private tallies = new Map<string, NameTally>();
  private readonly names = new NameIndex();
  /** How many segments the last run checked (the others kept their issues). */
  checked = 0;

  /** All checks over all segments, sorted by segment index, then start (issues without a range first). */
  run(input: QaInput): QaIssue[] {
    const context = JSON.stringify([input.sourceLang, input.targetLang, input.glossary]);
    if (context !== this.context) {
      this.context = context;
      this.glossary = compileGlossary(input.glossary);
      this.known.clear();
    }
    const segments = [...input.segments].sort((a, b) => a.index - b.index);
    const seen = new Map<string, QaIssue[]>();
    const tallied = new Map<string, NameTally>();
    const issues: QaIssue[] = [];
    this.checked = 0;
    for (const segment of segments) {
      const key = `${segment.source ?? '\u0001'}\u0000${segment.target}`;
      let found = seen.get(key) ?? this.known.get(key);
      if (!found) {
        found = checkSegment(segment, input, this.glossary);
        this.checked++;
      }
      seen.set(key, found);
      for (const issue of found) issues.push({ ...issue, segmentId: segment.id, index: segment.index });
      const tally = tallied.get(key) ?? this.tallies.get(key) ?? tallyNames(segment);
      tallied.set(key, tally);
      this.names.update(segment.id, tally);
    }
    this.known = seen;
    this.tallies = tallied;
    const byId = new Map(segments.map((s) => [s.id, s]));
    for (const id of [...this.names.segmentIds()]) if (!byId.has(id)) this.names.update(id, undefined);
    for (const issue of [...checkDuplicates(segments), ...checkUnsourced(segments), ...this.names.issues(byId)]) issues.push(...snapped([issue], byId.get(issue.segmentId)!.target));
    return issues.sort((a, b) => a.index - b.index || (a.start ?? -1) - (b.start ?? -1) || checkOrder(a) - checkOrder(b));
  }
}

/** All checks over all segments, once. */
export const runQa = (input: QaInput): QaIssue[] => new QaChecker().run(input);
