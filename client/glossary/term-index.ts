// Finds glossary source terms in a source text, as the QA checks match them (shared/qa/terms):
// whole words, case-insensitive unless the entry says otherwise, the last word possibly inflected.
// Terms are indexed by the first letters of their first word, so a long glossary stays cheap.
import type { GlossaryEntry } from '../../shared/qa/index.js';
import { compileTerm, keyedWords, termAt, type Term } from '../../shared/qa/terms.js';

export interface TermHit {
  start: number;
  end: number;
  entry: GlossaryEntry;
}

interface Compiled {
  entry: GlossaryEntry;
  term: Term;
}

const PREFIX = 3;

export class TermIndex {
  private readonly folded = new Map<string, Compiled[]>();
  private readonly exact = new Map<string, Compiled[]>();
  readonly size: number;

  constructor(entries: readonly GlossaryEntry[]) {
    const seen = new Set<string>();
    let size = 0;
    for (const entry of entries) {
      const term = compileTerm(entry.source, entry.caseSensitive);
      const first = term.keys[0];
      // The first entry of a term wins (the article's own before the workspace's).
      const id = `${term.caseSensitive}\u0000${term.keys.join(' ')}`;
      if (!first || !entry.target.trim() || seen.has(id)) continue;
      seen.add(id);
      const index = term.caseSensitive ? this.exact : this.folded;
      const key = first.slice(0, PREFIX);
      index.set(key, [...(index.get(key) ?? []), { entry, term }]);
      size++;
    }
    this.size = size;
  }

  /** Non-overlapping hits in text order; where terms overlap, the longer wins. */
  find(text: string): TermHit[] {
    if (this.size === 0) return [];
    const words = keyedWords(text);
    const hits: TermHit[] = [];
    words.forEach((word, i) => {
      for (let n = 1; n <= PREFIX; n++) {
        for (const [index, key] of [[this.folded, word.folded], [this.exact, word.exact]] as const) {
          if (key.length < n) continue;
          for (const { entry, term } of index.get(key.slice(0, n)) ?? []) {
            if (Math.min(term.keys[0].length, PREFIX) !== n || !termAt(words, i, term)) continue;
            hits.push({ start: word.start, end: words[i + term.keys.length - 1].end, entry });
          }
        }
      }
    });
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: TermHit[] = [];
    for (const hit of hits) if (kept.length === 0 || hit.start >= kept[kept.length - 1].end) kept.push(hit);
    return kept;
  }
}
