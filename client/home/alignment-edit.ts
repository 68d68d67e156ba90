// The New-article dialog's proposed alignment (SPEC 10.29): whether it is worth showing, and its
// edits, a pair joined with the next or split before a block of either side. Joins and splits reach
// every alignment that keeps the blocks in order; an edited pair has no confidence any more, being
// the user's own.
import type { AlignmentPair, AlignmentProposal } from '../app/api.js';

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

/** Each block with the one at its position: how blocks pair when nobody aligns them (SPEC 6.2). */
export const byPosition = (count: number): AlignmentPair[] => Array.from({ length: count }, (_, k) => ({ source: [k], target: [k] }));

/** Why the dialog shows a proposal (SPEC 10.29). */
export type ShownBecause = 'counts' | 'shifted' | 'units';

/**
 * Whether the dialog shows the aligner's proposal, and why: the paragraph counts differ; they are
 * equal but the proposal pairs them otherwise than by position (a paragraph dropped in one place and
 * one added in another); or it pairs an XLIFF file's blocks otherwise than the file's units. Null
 * when the blocks pair as they stand, and Create makes the article at once.
 */
export function shownBecause(proposal: Pick<AlignmentProposal, 'source' | 'target' | 'pairs' | 'units'>): ShownBecause | null {
  if (proposal.units) return samePairs(proposal.pairs, proposal.units) ? null : 'units';
  if (proposal.source.length !== proposal.target.length) return 'counts';
  return samePairs(proposal.pairs, byPosition(proposal.source.length)) ? null : 'shifted';
}
