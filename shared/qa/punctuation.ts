import { isQuote, markProblems, type MarkProblem } from './marks.js';
import { graphemes } from './text.js';
import { qaIssue, type QaIssue, type QaSegment } from './types.js';

// Sentence ends of many scripts; the danda । is a full stop.
const SENTENCE_END = /[.!?…।॥؟。！？։።۔]$/u;
const TRAILING_CLOSERS = /[\s”’»)\]"']+$/u;
const PUNCTUATION_RUN = /[.,;:!?।॥،؛]{2,}/gu;
// Runs that are not doubled punctuation: an ellipsis, ?! and !?, an abbreviation's dot before
// a comma or question mark ("Inc.,", "p.m.?").
const ALLOWED_RUN = /^(?:\.{3,}[!?]?|\?!|!\?)$/u;
const ABBREVIATION_RUN = /^\.[,;:!?]$/u;

function describe(problem: MarkProblem): { message: string; start: number; end: number } {
  switch (problem.kind) {
    case 'unclosed':
      return { message: `${problem.mark} is not closed`, start: problem.at, end: problem.at + 1 };
    case 'unopened':
      return { message: `${problem.mark} has no opening mark`, start: problem.at, end: problem.at + 1 };
    case 'mismatched':
      return {
        message: `${problem.mark} is closed by ${problem.closer}`,
        start: problem.at,
        end: problem.closerAt + 1,
      };
  }
}

const endsSentence = (text: string): boolean => SENTENCE_END.test(text.replace(TRAILING_CLOSERS, ''));

/** Unbalanced or mismatched paired marks, a missing sentence end, doubled punctuation. */
export function checkPunctuation(segment: QaSegment): QaIssue[] {
  const text = segment.target;
  const issues: QaIssue[] = [];
  // A quote running on into the next paragraph stays open in the source too.
  const sourceOpenQuote =
    segment.source != null && markProblems(segment.source).some((p) => p.kind === 'unclosed' && isQuote(p.mark));
  for (const problem of markProblems(text)) {
    if (sourceOpenQuote && problem.kind === 'unclosed' && isQuote(problem.mark)) continue;
    const { message, start, end } = describe(problem);
    issues.push(qaIssue(segment, 'punctuation', 'error', message, { start, end }));
  }
  if (segment.source != null && endsSentence(segment.source) && !endsSentence(text)) {
    const trimmed = text.trimEnd();
    const last = graphemes(trimmed).pop() ?? '';
    const range = { start: trimmed.length - last.length, end: trimmed.length };
    issues.push(qaIssue(segment, 'punctuation', 'warning', 'Missing sentence end (the source has one)', range));
  }
  for (const match of text.matchAll(PUNCTUATION_RUN)) {
    const run = match[0];
    const afterLetter = /\p{L}/u.test(text[match.index - 1] ?? '');
    if (ALLOWED_RUN.test(run) || (afterLetter && ABBREVIATION_RUN.test(run))) continue;
    const range = { start: match.index, end: match.index + run.length };
    issues.push(qaIssue(segment, 'punctuation', 'warning', `Doubled punctuation “${run}”`, range));
  }
  return issues;
}
