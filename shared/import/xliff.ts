// SPEC 12.5: an XLIFF import; each unit becomes one segment with its source, target, state and notes.
import { newId } from '../ids.js';
import { buildSegments } from './blocks.js';
import { ImportError } from './errors.js';
import type { ParsedImport } from './index.js';
import { normalizeLanguage } from './language.js';
import { $createTextBlock } from './text.js';
import { readXliff, type XliffUnit } from './xliff-reader.js';

/** Segment ids as Tandem makes them; a unit id like this is kept. */
const SEGMENT_ID = /^[a-z0-9]{6,32}$/;

/** Unit ids where they are valid and unique, new ids for the rest. */
function segmentIds(units: readonly XliffUnit[]): string[] {
  const taken = new Set<string>();
  const kept = units.map((unit) => {
    if (!SEGMENT_ID.test(unit.id) || taken.has(unit.id)) return null;
    taken.add(unit.id);
    return unit.id;
  });
  return kept.map((id) => {
    if (id !== null) return id;
    let fresh = newId();
    while (taken.has(fresh)) fresh = newId();
    taken.add(fresh);
    return fresh;
  });
}

export function parseXliffImport(content: string | null | undefined): ParsedImport {
  if (content == null || content.trim() === '') throw new ImportError('empty', 'nothing to import: content is empty');
  const file = readXliff(content);
  if (file.units.length === 0) throw new ImportError('empty', 'nothing to import: the XLIFF file has no units');
  const ids = segmentIds(file.units);
  // Target text as in a text import: a "\n" becomes a line break.
  const { blocks } = buildSegments(() => file.units.map((unit) => [$createTextBlock(unit.target)]));
  const segments = file.units.map((unit, i) => ({
    id: ids[i],
    source: unit.source === '' ? null : unit.source,
    target: blocks[i],
    state: unit.state,
    ...(unit.omitted ? { omitted: true } : {}),
    notes: unit.notes,
  }));
  const first = file.units[0];
  return {
    segments,
    headline: (first.target || first.source).replace(/\s+/g, ' ').trim(),
    title: file.title?.trim() || undefined,
    sourceLang: normalizeLanguage(file.sourceLang),
    targetLang: normalizeLanguage(file.targetLang),
  };
}
