import { qaIssue, type QaIssue, type QaSegment } from './types.js';

// Spaces and tabs (not line breaks, which are part of a segment's text).
const RUN = /[ \t\u00A0\u2009\u202F\u3000]+/gu;

/** Doubled spaces, and spaces at the start or end of the segment or of one of its lines. */
export function checkWhitespace(segment: QaSegment): QaIssue[] {
  const text = segment.target;
  const issues: QaIssue[] = [];
  for (const match of text.matchAll(RUN)) {
    const start = match.index;
    const end = start + match[0].length;
    const leading = start === 0 || text[start - 1] === '\n';
    const trailing = end === text.length || text[end] === '\n';
    const message = leading
      ? 'Space at the start'
      : trailing
        ? 'Space at the end'
        : match[0].length > 1
          ? 'Double space'
          : undefined;
    if (message) issues.push(qaIssue(segment, 'whitespace', 'info', message, { start, end }));
  }
  return issues;
}
