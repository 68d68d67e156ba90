import type { GlossaryEntry } from './glossary-entry.js';

export type QaCheck = 'numbers' | 'glossary' | 'names' | 'untranslated' | 'punctuation' | 'duplicate' | 'empty' | 'unsourced' | 'whitespace';
export type QaSeverity = 'error' | 'warning' | 'info';

export const QA_CHECKS: readonly QaCheck[] = Object.freeze([
  'numbers',
  'glossary',
  'names',
  'untranslated',
  'punctuation',
  'duplicate',
  'empty',
  'unsourced',
  'whitespace',
] as const);

/** One finding; start/end are UTF-16 offsets into the segment's plain text, on grapheme boundaries. */
export interface QaIssue {
  segmentId: string;
  index: number;
  check: QaCheck;
  severity: QaSeverity;
  message: string;
  start?: number;
  end?: number;
  /** `names`: the spelling found here and the article's other spelling of the name. */
  spellings?: { found: string; other: string };
}

/** A segment's plain text (SPEC 5.2); `source` is null for a target-only draft. */
export interface QaSegment {
  id: string;
  index: number;
  source: string | null;
  target: string;
}

export interface QaInput {
  sourceLang: string;
  targetLang: string;
  segments: QaSegment[];
  glossary: GlossaryEntry[];
}

export function qaIssue(
  segment: QaSegment,
  check: QaCheck,
  severity: QaSeverity,
  message: string,
  range?: { start: number; end: number },
): QaIssue {
  const issue: QaIssue = { segmentId: segment.id, index: segment.index, check, severity, message };
  if (range) {
    issue.start = range.start;
    issue.end = range.end;
  }
  return issue;
}
