// Gale–Church: a translation's length is about its source's times a ratio the language pair has,
// give or take a spread that grows with the length. Both are estimated from the article itself:
// Bengali runs shorter or longer than English depending on the text, and one translator pads more
// than another.

export interface LengthModel {
  /** Target characters per source character. */
  ratio: number;
  /** Variance of (target − ratio · source) per source character. */
  variance: number;
}

/** Gale and Church's figure for European languages, character for character. */
const DEFAULT_VARIANCE = 6.8;
/** An estimate from fewer pairs than this is noise. */
const MIN_PAIRS = 6;
/** The median of a squared standard normal: turns a median squared residual into a variance. */
const CHI2_MEDIAN = 0.455;
const MIN_VARIANCE = 5;
const MAX_VARIANCE = 40;

/** −log erfc(x) for x ≥ 0, without underflow for large x (Numerical Recipes' erfcc, 1.2e-7). */
function minusLogErfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return -(Math.log(t) - x * x + poly);
}

/** −log of the chance that a translation of `source` characters has `target` characters or is further off. */
export function lengthCost(source: number, target: number, model: LengthModel): number {
  const mean = (source + target / model.ratio) / 2;
  if (mean === 0) return 0;
  const z = Math.abs(target - source * model.ratio) / Math.sqrt(model.variance * mean);
  return minusLogErfc(z / Math.SQRT2);
}

/** The ratio of the whole texts, to start from. */
export function firstModel(source: Float64Array, target: Float64Array): LengthModel {
  const sum = (lengths: Float64Array) => lengths.reduce((a, b) => a + b, 0);
  const ratio = sum(source) > 0 && sum(target) > 0 ? sum(target) / sum(source) : 1;
  return { ratio, variance: DEFAULT_VARIANCE };
}

/** Ratio and spread of the one-to-one pairs of an alignment (median-based: a wrong pair barely moves it). */
export function estimateModel(pairs: ReadonlyArray<readonly [number, number]>, fallback: LengthModel): LengthModel {
  const usable = pairs.filter(([s, t]) => s > 0 && t > 0);
  if (usable.length < MIN_PAIRS) return fallback;
  const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1];
  const ratios = usable.map(([s, t]) => t / s);
  const sourceTotal = usable.reduce((sum, [s]) => sum + s, 0);
  const targetTotal = usable.reduce((sum, [, t]) => sum + t, 0);
  // The pooled ratio, unless a few wrong pairs pull it away from the typical pair's.
  const pooled = targetTotal / sourceTotal;
  const typical = median(ratios);
  const ratio = Math.abs(pooled - typical) / typical < 0.1 ? pooled : typical;
  const spread = median(usable.map(([s, t]) => (t - ratio * s) ** 2 / ((s + t / ratio) / 2))) / CHI2_MEDIAN;
  return { ratio, variance: Math.min(MAX_VARIANCE, Math.max(MIN_VARIANCE, spread)) };
}
