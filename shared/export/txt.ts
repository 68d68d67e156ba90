// SPEC 7.1: plain text, segments separated by one blank line.
import { $getSegmentText } from '../article.js';
import { $exportedSegments, type ExportReview } from './review.js';

/** Untranslated (empty) and omitted segments are left out; no newline is added at the end. */
export function $exportText(review?: ExportReview): string {
  return $exportedSegments(review)
    .map($getSegmentText)
    .filter((text) => text !== '')
    .join('\n\n');
}
