// An article's QA profile (SPEC 14.15): each check on, off or as a warning; and the occurrences of
// issues people chose to ignore (SPEC 14.16), which stay set apart until they are unignored.
import { QA_CHECKS, type QaCheck, type QaIssue } from './types.js';

export const CHECK_SETTINGS = ['on', 'warning', 'off'] as const;
export type CheckSetting = (typeof CHECK_SETTINGS)[number];
/** A check not named is on. */
export type QaProfile = Partial<Record<QaCheck, CheckSetting>>;

/** What tells one occurrence of an issue: its segment, check and message, and the text it points at
 *  ("" for the whole segment). Offsets are left out: they move with edits before the issue. */
export interface Occurrence {
  segmentId: string;
  check: QaCheck;
  message: string;
  text: string;
}

export interface IgnoredIssue extends Occurrence {
  id: string;
  /** Who ignored it, and when (ms). */
  by: string;
  at: number;
}

export const occurrenceKey = (o: Occurrence): string => [o.segmentId, o.check, o.message, o.text].join('\u0000');

export function occurrenceOf(issue: QaIssue, target: string): Occurrence {
  const text = issue.start !== undefined && issue.end !== undefined ? target.slice(issue.start, issue.end) : '';
  return { segmentId: issue.segmentId, check: issue.check, message: issue.message, text };
}

export interface ProfiledIssues {
  /** The issues that count: badge, highlights, export. */
  issues: QaIssue[];
  /** Issues of checks that are on, whose occurrence was ignored. */
  ignored: QaIssue[];
}

/**
 * The issues as the article's profile has them: a check off leaves its issues out, a check "as a
 * warning" makes them warnings, and ignored occurrences are set apart. `targets` are the segments'
 * texts as checked.
 */
export function applyProfile(
  issues: readonly QaIssue[],
  targets: ReadonlyMap<string, string>,
  profile: QaProfile,
  ignored: Iterable<Occurrence>,
): ProfiledIssues {
  const ignoredKeys = new Set(Array.from(ignored, occurrenceKey));
  const result: ProfiledIssues = { issues: [], ignored: [] };
  for (const issue of issues) {
    const setting = profile[issue.check] ?? 'on';
    if (setting === 'off') continue;
    const shown = setting === 'warning' && issue.severity !== 'warning' ? { ...issue, severity: 'warning' as const } : issue;
    const set = ignoredKeys.size > 0 && ignoredKeys.has(occurrenceKey(occurrenceOf(issue, targets.get(issue.segmentId) ?? '')));
    (set ? result.ignored : result.issues).push(shown);
  }
  return result;
}

/** A profile with the settings of known checks only, "on" left out. */
export function cleanProfile(profile: Record<string, unknown>): QaProfile {
  const clean: QaProfile = {};
  for (const check of QA_CHECKS) {
    const setting = profile[check];
    if (setting === 'warning' || setting === 'off') clean[check] = setting;
  }
  return clean;
}
