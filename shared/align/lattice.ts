// Dynamic programming over the grid of (source blocks taken, draft blocks taken): the cheapest path
// of beads (Viterbi) and, summing over every path (forward–backward), how likely each bead is.
// Long articles keep to a band around the diagonal, wide enough for the drops and additions a
// draft has; short ones use the whole grid.
import { MOVES } from './bead-cost.js';

/** A bead on the path: its first source and draft block and its move. */
export interface Bead {
  i: number;
  j: number;
  move: number;
}

/** Blocks either side of the diagonal that a path may stray, beyond the difference of the counts. */
const BAND = 60;

export class Lattice {
  readonly size: number;
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  private readonly offset: Int32Array;

  constructor(
    readonly n: number,
    readonly m: number,
  ) {
    const width = BAND + Math.abs(n - m);
    this.lo = new Int32Array(n + 1);
    this.hi = new Int32Array(n + 1);
    this.offset = new Int32Array(n + 2);
    for (let i = 0; i <= n; i++) {
      const centre = n === 0 ? 0 : (i * m) / n;
      this.lo[i] = Math.max(0, Math.floor(centre - width));
      this.hi[i] = Math.min(m, Math.ceil(centre + width));
      this.offset[i + 1] = this.offset[i] + this.hi[i] - this.lo[i] + 1;
    }
    this.size = this.offset[n + 1];
  }

  /** The cell of (i, j), or −1 outside the band. */
  cell(i: number, j: number): number {
    if (i < 0 || i > this.n || j < this.lo[i] || j > this.hi[i]) return -1;
    return this.offset[i] + j - this.lo[i];
  }

  /** Calls `visit` for every cell, row by row (or last to first), without allocating. */
  each(visit: (i: number, j: number, cell: number) => void, reverse = false): void {
    if (reverse) {
      for (let i = this.n; i >= 0; i--) for (let j = this.hi[i]; j >= this.lo[i]; j--) visit(i, j, this.offset[i] + j - this.lo[i]);
    } else {
      for (let i = 0; i <= this.n; i++) for (let j = this.lo[i]; j <= this.hi[i]; j++) visit(i, j, this.offset[i] + j - this.lo[i]);
    }
  }

  /** Cost of each bead by the cell it ends at: costs[cell * MOVES.length + move]; Infinity when it starts outside. */
  costs(costOf: (i: number, j: number, move: number) => number): Float64Array {
    const costs = new Float64Array(this.size * MOVES.length).fill(Infinity);
    this.each((i, j, cell) => {
      for (let move = 0; move < MOVES.length; move++) {
        const [di, dj] = MOVES[move];
        if (this.cell(i - di, j - dj) >= 0) costs[cell * MOVES.length + move] = costOf(i - di, j - dj, move);
      }
    });
    return costs;
  }

  /** The cheapest path from (0, 0) to (n, m). */
  bestPath(costs: Float64Array): Bead[] {
    const best = new Float64Array(this.size).fill(Infinity);
    const back = new Int8Array(this.size).fill(-1);
    best[0] = 0;
    this.each((i, j, cell) => {
      for (let move = 0; move < MOVES.length; move++) {
        const from = this.cell(i - MOVES[move][0], j - MOVES[move][1]);
        if (from < 0) continue;
        const total = best[from] + costs[cell * MOVES.length + move];
        if (total < best[cell]) {
          best[cell] = total;
          back[cell] = move;
        }
      }
    });
    const path: Bead[] = [];
    for (let i = this.n, j = this.m; i > 0 || j > 0; ) {
      const move = back[this.cell(i, j)];
      i -= MOVES[move][0];
      j -= MOVES[move][1];
      path.push({ i, j, move });
    }
    return path.reverse();
  }

  /** How likely each bead is over all paths, each weighed by exp(−cost). */
  posteriors(costs: Float64Array): Posteriors {
    const forward = new Float64Array(this.size).fill(Infinity);
    const backward = new Float64Array(this.size).fill(Infinity);
    forward[0] = 0;
    this.each((i, j, cell) => {
      for (let move = 0; move < MOVES.length; move++) {
        const from = this.cell(i - MOVES[move][0], j - MOVES[move][1]);
        if (from >= 0) forward[cell] = addNegLog(forward[cell], forward[from] + costs[cell * MOVES.length + move]);
      }
    });
    backward[this.size - 1] = 0;
    this.each((i, j, cell) => {
      for (let move = 0; move < MOVES.length; move++) {
        const to = this.cell(i + MOVES[move][0], j + MOVES[move][1]);
        if (to >= 0) backward[cell] = addNegLog(backward[cell], costs[to * MOVES.length + move] + backward[to]);
      }
    }, true);
    return new Posteriors(this, costs, forward, backward);
  }
}

/** −log(e^−a + e^−b). */
function addNegLog(a: number, b: number): number {
  if (a === Infinity) return b;
  if (b === Infinity) return a;
  return Math.min(a, b) - Math.log1p(Math.exp(-Math.abs(a - b)));
}

export class Posteriors {
  /** Per source block, how likely it is to have no draft; per draft block, no source. */
  readonly alone: { source: Float64Array; target: Float64Array };

  constructor(
    private readonly lattice: Lattice,
    private readonly costs: Float64Array,
    private readonly forward: Float64Array,
    private readonly backward: Float64Array,
  ) {
    this.alone = { source: new Float64Array(lattice.n), target: new Float64Array(lattice.m) };
    lattice.each((i, j) => {
      for (let move = 0; move < MOVES.length; move++) {
        const [di, dj] = MOVES[move];
        if (di + dj !== 1) continue;
        const p = this.chance(i, j, move);
        if (di === 1 && i < lattice.n) this.alone.source[i] += p;
        if (dj === 1 && j < lattice.m) this.alone.target[j] += p;
      }
    });
  }

  /** The chance of this very bead, at this place. */
  of({ i, j, move }: Bead): number {
    return this.chance(i, j, move);
  }

  private chance(i: number, j: number, move: number): number {
    const [di, dj] = MOVES[move];
    const from = this.lattice.cell(i, j);
    const to = this.lattice.cell(i + di, j + dj);
    if (from < 0 || to < 0) return 0;
    const total = this.forward[from] + this.costs[to * MOVES.length + move] + this.backward[to] - this.forward[this.lattice.size - 1];
    return Math.min(1, Math.exp(-total));
  }

  /** The chance that the bead's blocks are paired as it pairs them (a lone block wherever it stands). */
  confidence(bead: Bead): number {
    const [di, dj] = MOVES[bead.move];
    if (dj === 0) return Math.min(1, this.alone.source[bead.i]);
    if (di === 0) return Math.min(1, this.alone.target[bead.j]);
    return this.of(bead);
  }
}
