import { qaIssue, type QaIssue, type QaSegment } from './types.js';

/** An empty target where the source has text. */
export function checkEmpty(segment: QaSegment): QaIssue[] {
  if (segment.target.trim() !== '' || !segment.source?.trim()) return [];
  return [qaIssue(segment, 'empty', 'error', 'The translation is empty')];
}
