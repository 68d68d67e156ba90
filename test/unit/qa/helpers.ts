import { expect } from 'vitest';
import { isGraphemeBoundary } from '../../../shared/graphemes.js';
import { runQa, type GlossaryEntry, type QaCheck, type QaIssue, type QaSegment } from '../../../shared/qa/index.js';

export interface Options {
  sourceLang?: string;
  targetLang?: string;
  glossary?: GlossaryEntry[];
}

/** Segments from [target, source] pairs (source null or omitted: a target-only draft). */
export function segments(...pairs: Array<[string, (string | null)?]>): QaSegment[] {
  return pairs.map(([target, source = null], index) => ({ id: `seg-${index}`, index, source, target }));
}

/** runQa over the segments, asserting every range lies on grapheme boundaries of its target. */
export function qa(segs: QaSegment[], options: Options = {}): QaIssue[] {
  const issues = runQa({
    sourceLang: options.sourceLang ?? 'en',
    targetLang: options.targetLang ?? 'bn',
    segments: segs,
    glossary: options.glossary ?? [],
  });
  for (const issue of issues) expectOnBoundaries(issue, segs);
  return issues;
}

export function expectOnBoundaries(issue: QaIssue, segs: QaSegment[]): void {
  if (issue.start === undefined && issue.end === undefined) return;
  const text = segs.find((s) => s.id === issue.segmentId)!.target;
  expect(issue.start! <= issue.end!, issue.message).toBe(true);
  expect(isGraphemeBoundary(text, issue.start!), `${issue.message} start ${issue.start}`).toBe(true);
  expect(isGraphemeBoundary(text, issue.end!), `${issue.message} end ${issue.end}`).toBe(true);
}

/** One check's issues for a single segment. */
export function check(name: QaCheck, target: string, source: string | null = null, options: Options = {}): QaIssue[] {
  return qa(segments([target, source]), options).filter((issue) => issue.check === name);
}

/** The text an issue points at. */
export function flagged(issue: QaIssue, target: string): string | undefined {
  return issue.start === undefined ? undefined : target.slice(issue.start, issue.end);
}
