// An XLIFF file pairs its own units, so its counts never differ; asked to (SPEC 6.8), the aligner
// keeps every unit that has both a source and a target as a link, unless the text says otherwise,
// and places the units that have only one: a translator who put two sentences in one unit's target
// and left the next unit's empty gets one segment for both.
import type { SerializedLexicalNode } from 'lexical';
import { leastState } from '../export/xliff-states.js';
import type { ParsedImport } from './index.js';
import type { ImportedSegment } from './segment.js';
import { emptyContent, joinedSource, pairsFor, type AlignmentPair, type AlignRequest, type ImportSides } from './pairing.js';

/** Plain text of serialized blocks (SPEC 5.2): text nodes as they are, line breaks "\n", blocks joined by "\n". */
function plainText(nodes: readonly SerializedLexicalNode[], separator = '\n'): string {
  return nodes
    .map((node) => {
      if (node.type === 'linebreak') return '\n';
      if ('text' in node && typeof node.text === 'string') return node.text;
      return 'children' in node && Array.isArray(node.children) ? plainText(node.children as SerializedLexicalNode[], '') : '';
    })
    .join(separator);
}

export function realignUnits(parsed: ParsedImport, align: AlignRequest, languages: Pick<ImportSides, 'sourceLang' | 'targetLang'>): ParsedImport {
  const units = parsed.segments;
  const texts = units.map((unit) => plainText(unit.target));
  // Source blocks: units with a source. Draft blocks: units with a target, and units with neither.
  const sourceUnits = units.flatMap((unit, k) => (unit.source !== null ? [k] : []));
  const targetUnits = units.flatMap((unit, k) => (texts[k].trim() !== '' || unit.source === null ? [k] : []));
  const sourceOf = new Map(sourceUnits.map((k, i) => [k, i]));
  const links = targetUnits.flatMap((k, j): Array<[number, number]> => (sourceOf.has(k) ? [[sourceOf.get(k)!, j]] : []));
  const sides: ImportSides = {
    ...languages,
    source: sourceUnits.map((k) => units[k].source!),
    target: targetUnits.map((k) => texts[k]),
    links,
  };
  const pairs = pairsFor(align, sides);
  const segments = pairs.map((pair): ImportedSegment => {
    const involved = [...new Set([...pair.source.map((i) => sourceUnits[i]), ...pair.target.map((j) => targetUnits[j])])].sort((a, b) => a - b);
    const first = units[involved[0]];
    const notes = involved.flatMap((k) => units[k].notes ?? []);
    // Omitted (translate="no") only when every unit of the pair is.
    const omitted = involved.every((k) => 'omitted' in units[k] && units[k].omitted === true);
    return {
      id: first.id,
      source: joinedSource(sides.source, pair.source),
      target: pair.target.length === 0 ? emptyContent() : pair.target.flatMap((j) => units[targetUnits[j]].target),
      state: leastState(involved.map((k) => units[k].state ?? 'draft')),
      ...(omitted ? { omitted: true } : {}),
      notes,
    };
  });
  const targetOf = new Map(targetUnits.map((k, j) => [k, j]));
  const filePairs = units.map((_, k): AlignmentPair => ({
    source: sourceOf.has(k) ? [sourceOf.get(k)!] : [],
    target: targetOf.has(k) ? [targetOf.get(k)!] : [],
  }));
  return { ...parsed, segments, alignment: { source: sides.source, target: sides.target, pairs, units: filePairs } };
}
