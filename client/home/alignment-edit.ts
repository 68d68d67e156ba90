// The New-article dialog's edits of a proposed alignment (SPEC 10.29): join a pair with the next,
// or split one before a block of either side. Joins and splits reach every alignment that keeps
// the blocks in order; an edited pair has no confidence any more, being the user's own.
import type { AlignmentPair } from '../app/api.js';

export type Side = 'source' | 'target';

/** Pairs k and k + 1 become one. */
export function joinWithNext(pairs: readonly AlignmentPair[], k: number): AlignmentPair[] {
  if (k < 0 || k + 1 >= pairs.length) return [...pairs];
  const joined = { source: [...pairs[k].source, ...pairs[k + 1].source], target: [...pairs[k].target, ...pairs[k + 1].target] };
  return [...pairs.slice(0, k), joined, ...pairs.slice(k + 2)];
}

/**
 * Pair k split before its `at`-th block of `side`: those blocks on start a new pair right after it,
 * which the other side's blocks do not follow.
 */
export function splitBefore(pairs: readonly AlignmentPair[], k: number, side: Side, at: number): AlignmentPair[] {
  const pair = pairs[k];
  if (!pair || at <= 0 || at >= pair[side].length) return [...pairs];
  const [head, tail] = [pair[side].slice(0, at), pair[side].slice(at)];
  const halves: AlignmentPair[] =
    side === 'source'
      ? [{ source: head, target: pair.target }, { source: tail, target: [] }]
      : [{ source: pair.source, target: head }, { source: [], target: tail }];
  return [...pairs.slice(0, k), ...halves, ...pairs.slice(k + 1)];
}

/** The pairs as the API takes them. */
export const alignmentOf = (pairs: readonly AlignmentPair[]) => pairs.map(({ source, target }) => ({ source, target }));

/** Whether two alignments pair the same blocks (confidences aside). */
export const samePairs = (a: readonly AlignmentPair[], b: readonly AlignmentPair[]) =>
  a.length === b.length && a.every((pair, k) => pair.source.join() === b[k].source.join() && pair.target.join() === b[k].target.join());
