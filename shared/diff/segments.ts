// The diff of two states of an article, segment by segment (SPEC 16.4): segments are matched by id;
// one present on a side only is all inserted or all deleted. The answer follows the `to` side's
// order, each segment only in `from` placed after the one it followed there.
import { diffWords, type DiffOp } from './words.js';

export interface SegmentDiff {
  id: string;
  index: number;
  changed: boolean;
  ops: DiffOp[];
}

export interface SegmentText {
  id: string;
  text: string;
}

export function diffSegments(from: readonly SegmentText[], to: readonly SegmentText[], lang?: string): SegmentDiff[] {
  const before = new Map(from.map((s) => [s.id, s.text]));
  const after = new Set(to.map((s) => s.id));
  // Segments gone by `to`, keyed by the id of the segment before them in `from` ('' for the start).
  const gone = new Map<string, SegmentText[]>();
  let previous = '';
  for (const segment of from) {
    if (after.has(segment.id)) previous = segment.id;
    else gone.set(previous, [...(gone.get(previous) ?? []), segment]);
  }

  const diffs: SegmentDiff[] = [];
  const push = (id: string, ops: DiffOp[], changed = ops.some((o) => o.op !== 'equal')) =>
    diffs.push({ id, index: diffs.length, changed, ops });
  const pushGone = (key: string) => {
    for (const s of gone.get(key) ?? []) push(s.id, s.text === '' ? [] : [{ op: 'delete', text: s.text }], true);
  };
  pushGone('');
  for (const segment of to) {
    const old = before.get(segment.id);
    if (old === undefined) push(segment.id, segment.text === '' ? [] : [{ op: 'insert', text: segment.text }], true);
    else push(segment.id, diffWords(old, segment.text, lang));
    pushGone(segment.id);
  }
  return diffs;
}
