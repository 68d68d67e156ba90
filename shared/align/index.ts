// Proposes which source blocks a draft's blocks translate when the two do not pair one for one
// (SPEC 6.5): one for one, two merged into one, one split in two, a block dropped or added. Gale and
// Church's length model (its ratio and spread estimated from the article) plus anchors both sides
// keep (numbers, Latin words, names, quotes), solved by dynamic programming; each pair's confidence
// is its chance over every alignment the model allows.
import { BeadCosts, MOVES, type Links } from './bead-cost.js';
import { blockFeatures } from './features.js';
import { Lattice, type Bead } from './lattice.js';
import { estimateModel, firstModel } from './length-model.js';

export interface AlignInput {
  /** Each block's plain text. */
  source: readonly string[];
  target: readonly string[];
  sourceLang: string;
  targetLang: string;
  /** Pairs the file itself makes, [source, target] (an XLIFF unit's source and target): kept unless the text says otherwise. */
  links?: ReadonlyArray<readonly [number, number]>;
}

/** Source blocks and the draft blocks that translate them, by index; either may be empty, not both. */
export interface AlignedPair {
  source: number[];
  target: number[];
  /** 0–1: the chance that these blocks belong together, and with nothing else. */
  confidence: number;
}

/** Below this a pair is worth a look. */
export const LOW_CONFIDENCE = 0.75;

function linksOf(input: AlignInput): Links | null {
  if (!input.links?.length) return null;
  const links = { source: new Int32Array(input.source.length).fill(-1), target: new Int32Array(input.target.length).fill(-1) };
  for (const [s, t] of input.links) {
    links.source[s] = t;
    links.target[t] = s;
  }
  return links;
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, k) => from + k);

/** Lone blocks next to each other: the source's first, so the pairs read in the source's order. */
function sourceFirst(path: Bead[]): Bead[] {
  for (let k = 1; k < path.length; k++) {
    const [before, bead] = [path[k - 1], path[k]];
    if (MOVES[before.move][0] === 0 && MOVES[before.move][1] === 1 && MOVES[bead.move][0] === 1 && MOVES[bead.move][1] === 0) {
      path[k - 1] = { i: before.i, j: before.j, move: bead.move };
      path[k] = { i: before.i + 1, j: before.j, move: before.move };
      if (k > 1) k -= 2;
    }
  }
  return path;
}

export function alignBlocks(input: AlignInput): AlignedPair[] {
  const n = input.source.length;
  const m = input.target.length;
  const features = blockFeatures(input);
  const beads = new BeadCosts(features, linksOf(input));
  const lattice = new Lattice(n, m);
  // A first pass with the whole texts' ratio, then again with the ratio and spread of its pairs.
  let model = firstModel(features.source.lengths, features.target.lengths);
  const first = lattice.bestPath(lattice.costs((i, j, move) => beads.cost(i, j, move, model)));
  const oneToOne = first.filter((bead) => bead.move === 0).map((bead) => [features.source.lengths[bead.i], features.target.lengths[bead.j]] as const);
  model = estimateModel(oneToOne, model);
  const costs = lattice.costs((i, j, move) => beads.cost(i, j, move, model));
  const posteriors = lattice.posteriors(costs);
  return sourceFirst(lattice.bestPath(costs)).map((bead) => {
    const [di, dj] = MOVES[bead.move];
    return { source: range(bead.i, di), target: range(bead.j, dj), confidence: Math.round(posteriors.confidence(bead) * 100) / 100 };
  });
}
