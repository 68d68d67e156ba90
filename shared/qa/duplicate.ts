import { collapsed, trimmedRange } from './text.js';
import { qaIssue, type QaIssue, type QaSegment } from './types.js';

const MEANINGFUL = /[\p{L}\p{Nd}]/u;

/**
 * Later copies of a target text that an earlier segment already has (a title the machine
 * translation repeated). Not flagged when the two sources are the same text too.
 */
export function checkDuplicates(segments: readonly QaSegment[]): QaIssue[] {
  const firstByText = new Map<string, QaSegment>();
  const issues: QaIssue[] = [];
  for (const segment of [...segments].sort((a, b) => a.index - b.index)) {
    const text = collapsed(segment.target);
    if (!MEANINGFUL.test(text)) continue;
    const first = firstByText.get(text);
    if (!first) {
      firstByText.set(text, segment);
      continue;
    }
    const sameSource = first.source != null && segment.source != null && collapsed(first.source) === collapsed(segment.source);
    if (sameSource) continue;
    const message = `Same text as segment ${first.index + 1}`;
    issues.push(qaIssue(segment, 'duplicate', 'warning', message, trimmedRange(segment.target)));
  }
  return issues;
}
