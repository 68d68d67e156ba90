// A unit's text cut at the concordance's hits, for marking them (SPEC 18.6 gives the hits as
// UTF-16 offsets, whole grapheme clusters, in order).
import type { Hit } from './memory-api.js';

export interface Run {
  text: string;
  hit: boolean;
}

/** The text as runs, each a hit or not; hits that overlap or touch make one run, stray ones are clipped. */
export function hitRuns(text: string, hits: readonly Hit[]): Run[] {
  const runs: Run[] = [];
  const push = (part: string, hit: boolean) => {
    if (part === '') return;
    const last = runs[runs.length - 1];
    if (last?.hit === hit) last.text += part;
    else runs.push({ text: part, hit });
  };
  let at = 0;
  for (const { start, end } of [...hits].sort((a, b) => a.start - b.start)) {
    const from = Math.max(at, Math.min(start, text.length));
    const to = Math.min(end, text.length);
    if (to <= from) continue;
    push(text.slice(at, from), false);
    push(text.slice(from, to), true);
    at = to;
  }
  push(text.slice(at), false);
  return runs;
}
