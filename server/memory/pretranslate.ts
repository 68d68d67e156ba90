// Pre-translation on import (SPEC 18.8): a segment with a source and an empty draft takes the
// translation of a 100 % match (a context match first, then the best ranked), stays a draft, and
// gets a comment thread by "Translation memory" saying so, so nothing unreviewed looks finished.
import type { SerializedLexicalNode } from 'lexical';
import { buildSegments } from '../../shared/import/blocks.js';
import { $createTextBlock } from '../../shared/import/text.js';
import type { ParsedImport } from '../../shared/import/index.js';
import { normalise } from './normalize.js';
import type { MemoryStore } from './memory-store.js';

export const MEMORY_AUTHOR = 'Translation memory';

function hasText(nodes: readonly SerializedLexicalNode[]): boolean {
  return nodes.some((node) => {
    const { text, children } = node as { text?: string; children?: SerializedLexicalNode[] };
    return (typeof text === 'string' && text.trim() !== '') || (Array.isArray(children) && hasText(children));
  });
}

/** Fills the parsed import's empty drafts from the memory; answers how many it filled. */
export async function pretranslate(memory: MemoryStore, parsed: ParsedImport, sourceLang: string, targetLang: string): Promise<number> {
  const fills: Array<{ index: number; target: string; note: string }> = [];
  for (const [index, segment] of parsed.segments.entries()) {
    if (!segment.source?.trim() || hasText(segment.target)) continue;
    const exact = (await memory.lookup(segment.source, sourceLang, targetLang, { minScore: 100 })).filter((m) => m.score === 100);
    if (exact.length === 0) continue;
    const previous = parsed.segments[index - 1]?.source;
    const best = exact.find(({ unit }) => previous && unit.context && normalise(unit.context) === normalise(previous)) ?? exact[0];
    const who = best.unit.confirmedBy ? ` by ${best.unit.confirmedBy}` : '';
    fills.push({ index, target: best.unit.target, note: `Filled in from the translation memory: a 100 % match, ${best.unit.status}${who}.` });
  }
  if (fills.length === 0) return 0;
  const { blocks } = buildSegments(() => fills.map(({ target }) => [$createTextBlock(target)]));
  fills.forEach(({ index, note }, i) => {
    const segment = parsed.segments[index];
    segment.target = blocks[i];
    segment.state = 'draft';
    segment.notes = [...(segment.notes ?? []), { text: note, from: MEMORY_AUTHOR }];
  });
  return fills.length;
}
