// How many paragraphs (blocks separated by blank lines) a plain text has, exactly as the server counts.
import { splitTextBlocks } from '../../shared/import/text.js';

export function blockCount(text: string): number {
  return splitTextBlocks(text).length;
}
