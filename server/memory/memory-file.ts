// A file for the translation memory (SPEC 18.7, 18.31): TMX, or XLIFF 2.0 or 1.2, told apart by its
// root element. What is neither is read as TMX, so it is refused as TMX would refuse it.
import { parseTmx } from './tmx.js';
import type { TmUnitInput } from './memory-store.js';
import { parseXliffUnits } from './xliff-units.js';

/** The first element's local name, past the declaration, comments and a doctype. */
const ROOT = /^\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:[\w.-]+:)?([\w.-]+)/;

export function parseMemoryFile(text: string, now = Date.now()): { units: TmUnitInput[]; skipped: number } {
  const root = ROOT.exec(text.replace(/^\uFEFF/, ''))?.[1];
  return root === 'xliff' ? parseXliffUnits(text, now) : parseTmx(text, now);
}
