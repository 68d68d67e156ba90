// The cost of one bead — a few source blocks taken as the translation of a few draft blocks — as
// −log of how likely it is: how often drafts do that (the move), how well the lengths agree, and
// how many anchors of a pair find no partner in it.
import type { Features } from './features.js';
import { lengthCost, type LengthModel } from './length-model.js';

/** The moves: source blocks, draft blocks. */
export const MOVES: ReadonlyArray<readonly [number, number]> = [
  [1, 1],
  [1, 0],
  [0, 1],
  [2, 1],
  [1, 2],
];

// How often a draft's paragraph does each, from news drafts (machine or human): nearly always one
// for one; a caption, byline or sign-up line dropped or added now and then; two merged or one split.
const MOVE_COST = [0.9, 0.03, 0.03, 0.02, 0.02].map((p) => -Math.log(p));
/** Per unit of anchor weight that a pair leaves without its partner. */
const UNMATCHED_ANCHOR = 1.2;
/** A block that repeats the one before it, left unpaired: a repeated headline costs next to nothing. */
const REPEAT_ALONE = 0.5;
/** …and paired with anything but its twin's partner. */
const REPEAT_PAIRED = 5;
/** A pair the file itself makes (an XLIFF unit's source and target), broken: once per side. */
const LINK_BROKEN = 4;

export interface Links {
  /** Per source block, the draft block the file pairs it with, or −1. */
  source: Int32Array;
  target: Int32Array;
}

export class BeadCosts {
  /** Anchor counts of the bead being costed, by id (kept at zero between beads). */
  private readonly counts: Int32Array;

  constructor(
    private readonly features: Features,
    private readonly links: Links | null,
  ) {
    this.counts = new Int32Array(features.weights.length);
  }

  /** The bead of source blocks [i, i + di) and draft blocks [j, j + dj). */
  cost(i: number, j: number, move: number, model: LengthModel): number {
    const [di, dj] = MOVES[move];
    const { source, target } = this.features;
    let cost = MOVE_COST[move];
    if (di === 0 || dj === 0) {
      const repeats = di === 0 ? target.repeats[j] : source.repeats[i];
      if (repeats) cost += REPEAT_ALONE - MOVE_COST[move];
    } else {
      let ls = 0;
      let lt = 0;
      for (let k = i; k < i + di; k++) ls += source.lengths[k];
      for (let k = j; k < j + dj; k++) lt += target.lengths[k];
      cost += lengthCost(ls, lt, model) + UNMATCHED_ANCHOR * this.unmatched(i, di, j, dj);
      // A repeat after its twin in the bead is part of it; a bead's first block has its twin outside.
      if (source.repeats[i] || target.repeats[j]) cost += REPEAT_PAIRED;
    }
    return cost + this.brokenLinks(i, di, j, dj);
  }

  /** Anchor weight of the bead's blocks left without a partner on the other side. */
  private unmatched(i: number, di: number, j: number, dj: number): number {
    const { source, target, weights } = this.features;
    const counts = this.counts;
    let total = 0;
    for (let k = i; k < i + di; k++) {
      for (const id of source.anchors[k]) {
        counts[id]++;
        total += weights[id];
      }
    }
    for (let k = j; k < j + dj; k++) {
      for (const id of target.anchors[k]) {
        if (counts[id] > 0) {
          counts[id]--;
          total -= weights[id];
        } else total += weights[id];
      }
    }
    for (let k = i; k < i + di; k++) for (const id of source.anchors[k]) counts[id] = 0;
    return total;
  }

  private brokenLinks(i: number, di: number, j: number, dj: number): number {
    if (!this.links) return 0;
    let broken = 0;
    for (let k = i; k < i + di; k++) {
      const t = this.links.source[k];
      if (t >= 0 && (t < j || t >= j + dj)) broken++;
    }
    for (let k = j; k < j + dj; k++) {
      const s = this.links.target[k];
      if (s >= 0 && (s < i || s >= i + di)) broken++;
    }
    return broken * LINK_BROKEN;
  }
}
