// SPEC 7.1: plain text, segments separated by one blank line.
import { $readSegments } from '../article.js';

/** Untranslated (empty) segments are left out; no newline is added at the end. */
export function $exportText(): string {
  return $readSegments()
    .map((segment) => segment.text)
    .filter((text) => text !== '')
    .join('\n\n');
}
