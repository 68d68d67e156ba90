// What the QA checks and severities are called on the page.
import type { QaCheck, QaCounts, QaSeverity } from './qa-types.js';

export const CHECKS: Record<QaCheck, { label: string; hint: string }> = {
  numbers: { label: 'Numbers', hint: 'A number of the source is missing, extra or changed' },
  glossary: { label: 'Terminology', hint: 'Forbidden, misspelt or missing glossary terms' },
  names: { label: 'Names', hint: 'One name spelled two ways in the article' },
  untranslated: { label: 'Untranslated', hint: 'Text left in another language, or copied from the source' },
  punctuation: { label: 'Punctuation', hint: 'Unbalanced quotes and brackets, missing sentence ends' },
  duplicate: { label: 'Duplicates', hint: 'A segment identical to an earlier one' },
  empty: { label: 'Empty', hint: 'A segment with a source but no translation' },
  unsourced: { label: 'No source', hint: 'Draft text that no source paragraph pairs with' },
  whitespace: { label: 'Spacing', hint: 'Doubled, leading or trailing spaces' },
};

export const SEVERITIES: Record<QaSeverity, { one: string; many: string; label: string }> = {
  error: { one: 'error', many: 'errors', label: 'Errors' },
  warning: { one: 'warning', many: 'warnings', label: 'Warnings' },
  info: { one: 'note', many: 'notes', label: 'Info' },
};

export function plural(count: number, severity: QaSeverity): string {
  return `${count} ${count === 1 ? SEVERITIES[severity].one : SEVERITIES[severity].many}`;
}

export function summary(counts: QaCounts): string {
  const parts = (['error', 'warning', 'info'] as const).filter((s) => counts[s] > 0).map((s) => plural(counts[s], s));
  return parts.length ? parts.join(', ') : 'no issues';
}
