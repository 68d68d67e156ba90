// Which source blocks each draft block translates (SPEC 6.5–6.7): by position when the counts
// agree and no alignment was asked for, else the aligner's proposal ("auto") or the caller's own
// alignment, checked; each pair then becomes one segment.
import { $createParagraphNode, type SerializedLexicalNode } from 'lexical';
import { alignBlocks, type AlignedPair } from '../align/index.js';
import { newId } from '../ids.js';
import { buildSegments, type BuiltSegments } from './blocks.js';
import { countMismatch, ImportError } from './errors.js';
import type { ImportedSegment } from './segment.js';

/** Source blocks and the draft blocks that translate them, by index. */
export interface AlignmentPair {
  source: number[];
  target: number[];
}

/** `"auto"`: the aligner's proposal as it stands; else the alignment to use. */
export type AlignRequest = 'auto' | AlignmentPair[];

/** How an aligned import paired its blocks: the blocks' texts and the pairs (with the aligner's confidence). */
export interface Alignment {
  source: string[];
  target: string[];
  pairs: Array<AlignmentPair & { confidence?: number }>;
  /** How the file itself pairs the blocks (an XLIFF file's units), to tell whether the pairs differ. */
  units?: AlignmentPair[];
}

/** Both sides of an import before they are paired. */
export interface ImportSides {
  /** Each source block's plain text. */
  source: string[];
  /** Each draft block's plain text. */
  target: string[];
  sourceLang?: string;
  targetLang?: string;
  /** Pairs the file itself makes (XLIFF units): [source, target]. */
  links?: Array<[number, number]>;
}

/** Every block of both sides exactly once, in order, and no pair empty (SPEC 6.6). */
export function checkAlignment(pairs: readonly AlignmentPair[], sourceCount: number, targetCount: number): void {
  const bad = (message: string) => new ImportError('bad_alignment', `align: ${message}`);
  let i = 0;
  let j = 0;
  pairs.forEach((pair, k) => {
    if (pair.source.length + pair.target.length === 0) throw bad(`pair ${k} has no block`);
    for (const [side, blocks, next] of [
      ['source', pair.source, () => i++],
      ['target', pair.target, () => j++],
    ] as const) {
      for (const block of blocks) {
        const expected = side === 'source' ? i : j;
        if (block !== expected) throw bad(`pair ${k} has ${side} block ${block} where block ${expected} comes next (every block once, in order)`);
        next();
      }
    }
  });
  if (i !== sourceCount) throw bad(`covers ${i} of the source's ${sourceCount} blocks`);
  if (j !== targetCount) throw bad(`covers ${j} of the target's ${targetCount} blocks`);
}

/** The proposal (`"auto"`) or the caller's alignment, checked. */
export function pairsFor(request: AlignRequest, sides: ImportSides): AlignmentPair[] | AlignedPair[] {
  if (request !== 'auto') {
    checkAlignment(request, sides.source.length, sides.target.length);
    return request;
  }
  return alignBlocks({
    source: sides.source,
    target: sides.target,
    sourceLang: sides.sourceLang ?? 'und',
    targetLang: sides.targetLang ?? 'und',
    links: sides.links,
  });
}

/** One empty paragraph: the content of a segment no draft block translates. */
export function emptyContent(): SerializedLexicalNode[] {
  return buildSegments(() => [[$createParagraphNode()]]).blocks[0];
}

/** A pair's source: its blocks' texts joined by "\n", as a merge in the desk joins them (SPEC 6.7). */
export const joinedSource = (texts: readonly string[], blocks: readonly number[]): string | null =>
  blocks.length === 0 ? null : blocks.map((i) => texts[i]).join('\n');

/**
 * Source and draft blocks paired into segments: by position when the counts agree and no
 * alignment is asked for, else as `align` says; different counts without it → 400 (SPEC 6.2).
 */
export function pairedSegments(
  source: readonly string[],
  target: BuiltSegments,
  languages: Pick<ImportSides, 'sourceLang' | 'targetLang'>,
  align?: AlignRequest,
): { segments: ImportedSegment[]; alignment?: Alignment } {
  if (!align) {
    if (source.length !== target.blocks.length) throw countMismatch(source.length, target.blocks.length);
    return { segments: target.blocks.map((blocks, i) => ({ id: newId(), source: source[i], target: blocks })) };
  }
  const sides = { ...languages, source: [...source], target: target.texts };
  const pairs = pairsFor(align, sides);
  const segments = pairs.map((pair) => ({
    id: newId(),
    source: joinedSource(source, pair.source),
    target: pair.target.length === 0 ? emptyContent() : pair.target.flatMap((j) => target.blocks[j]),
  }));
  return { segments, alignment: { source: sides.source, target: sides.target, pairs } };
}
