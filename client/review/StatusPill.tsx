// A segment's review status, as a small labelled pill.
import type { SegmentState } from '../../shared/schema.js';

const LABELS: Record<SegmentState, string> = {
  draft: 'Draft',
  translated: 'Translated',
  reviewed: 'Reviewed',
  approved: 'Approved',
};

export function StatusPill({ state }: { state: SegmentState }) {
  return (
    <span className={`status-pill status-${state}`} title={`Status: ${LABELS[state]}`}>
      {LABELS[state] ?? state}
    </span>
  );
}
