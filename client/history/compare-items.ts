// A comparison as the panel shows it (SPEC 16.11): each changed segment on its own, the unchanged
// ones between them folded into one line.
import type { SegmentDiff } from './history-api.js';

export type CompareItem = { kind: 'changed'; segment: SegmentDiff } | { kind: 'unchanged'; key: string; segments: SegmentDiff[] };

export function compareItems(segments: readonly SegmentDiff[]): CompareItem[] {
  const items: CompareItem[] = [];
  for (const segment of segments) {
    const last = items[items.length - 1];
    if (segment.changed) items.push({ kind: 'changed', segment });
    else if (last?.kind === 'unchanged') last.segments.push(segment);
    else items.push({ kind: 'unchanged', key: segment.id, segments: [segment] });
  }
  return items;
}
