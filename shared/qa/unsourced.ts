import { qaIssue, type QaIssue, type QaSegment } from './types.js';

/**
 * Draft text with no source beside it, in an article that has sources (SPEC 14.18): a draft block
 * the alignment found no source for (an added line, a repeated headline). A target-only draft, with
 * no source anywhere, has nothing to flag.
 */
export function checkUnsourced(segments: readonly QaSegment[]): QaIssue[] {
  if (!segments.some((segment) => segment.source?.trim())) return [];
  return segments
    .filter((segment) => !segment.source?.trim() && segment.target.trim() !== '')
    .map((segment) => qaIssue(segment, 'unsourced', 'warning', 'No source: no source paragraph pairs with this text'));
}
