// How alike two sources are (SPEC 18.3), computed on normalised text (normalize.ts): the mean of a
// character score and a word score, each 100 × (1 − edit distance / the longer length), the
// characters being grapheme clusters (a Bengali conjunct or vowel sign is one) and the words runs
// of letters, marks and digits. The word score keeps the same words in another order from scoring
// high; the character score keeps a one-letter respelling from costing a whole word. Only
// identical normalised texts score 100: anything else is at most 99, so a changed number never
// scores 100.
import { clustersOf, wordsOf } from './normalize.js';

/** Edit distance of two sequences of token ids (two rows of the table, typed). */
export function levenshtein(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (ai === b[j - 1] ? 0 : 1);
      const deletion = previous[j] + 1;
      const insertion = current[j - 1] + 1;
      current[j] = substitution < deletion ? (substitution < insertion ? substitution : insertion) : deletion < insertion ? deletion : insertion;
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

const ratio = (distance: number, a: number, b: number) => (Math.max(a, b) === 0 ? 1 : 1 - distance / Math.max(a, b));

/** Scores candidates against one source; tokens become small integers, numbered per source. */
export class Scorer {
  private readonly ids = new Map<string, number>();
  private readonly clusters: Int32Array;
  private readonly words: Int32Array;

  constructor(private readonly source: string) {
    this.clusters = this.encode(clustersOf(source));
    this.words = this.encode(wordsOf(source));
  }

  /** 0–100 for a normalised candidate; 100 only when it is identical. */
  score(candidate: string): number {
    if (candidate === this.source) return 100;
    const clusters = this.encode(clustersOf(candidate));
    return combine(this.charRatio(clusters), this.wordRatio(candidate));
  }

  /** The best score the candidate could reach, from its words alone (cheap: a bound for pruning). */
  bound(candidate: string): number {
    if (candidate === this.source) return 100;
    return combine(1, this.wordRatio(candidate));
  }

  private wordRatio(candidate: string): number {
    const words = this.encode(wordsOf(candidate));
    return ratio(levenshtein(this.words, words), this.words.length, words.length);
  }

  private charRatio(clusters: Int32Array): number {
    return ratio(levenshtein(this.clusters, clusters), this.clusters.length, clusters.length);
  }

  private encode(tokens: string[]): Int32Array {
    const out = new Int32Array(tokens.length);
    tokens.forEach((token, i) => {
      let id = this.ids.get(token);
      if (id === undefined) this.ids.set(token, (id = this.ids.size));
      out[i] = id;
    });
    return out;
  }
}

function combine(chars: number, words: number): number {
  return Math.max(0, Math.min(99, Math.floor((100 * (chars + words)) / 2)));
}

/** 0–100 for two normalised texts; 100 only when they are identical. */
export function similarity(a: string, b: string): number {
  return new Scorer(a).score(b);
}
