// Segment states (SPEC 11.6) in XLIFF: 2.0's segment `state` both ways, 1.2's target `state` when importing.
import { SEGMENT_STATES, type SegmentState } from '../schema.js';

const TO_XLIFF2: Record<SegmentState, string> = {
  draft: 'initial',
  translated: 'translated',
  reviewed: 'reviewed',
  approved: 'final',
};

const FROM_XLIFF2: Record<string, SegmentState> = {
  initial: 'draft',
  translated: 'translated',
  reviewed: 'reviewed',
  final: 'approved',
};

const FROM_XLIFF12: Record<string, SegmentState> = {
  new: 'draft',
  'needs-translation': 'draft',
  'needs-adaptation': 'draft',
  'needs-l10n': 'draft',
  'needs-review-translation': 'translated',
  'needs-review-adaptation': 'translated',
  'needs-review-l10n': 'translated',
  translated: 'translated',
  'signed-off': 'reviewed',
  final: 'approved',
};

export const toXliff2State = (state: SegmentState): string => TO_XLIFF2[state];

/** A missing or unknown state is XLIFF 2.0's default, `initial`. */
export const fromXliff2State = (state: string | undefined): SegmentState => FROM_XLIFF2[state ?? ''] ?? 'draft';

/** A missing or unknown state is a draft, unless the unit says it is approved. */
export function fromXliff12State(state: string | undefined, approved: string | undefined): SegmentState {
  const mapped = FROM_XLIFF12[state ?? ''] ?? 'draft';
  return approved === 'yes' ? 'approved' : mapped;
}

/** The least advanced of several states: a unit is only as far along as its least finished segment. */
export function leastState(states: readonly SegmentState[]): SegmentState {
  if (states.length === 0) return 'draft';
  return states.reduce<SegmentState>(
    (least, state) => (SEGMENT_STATES.indexOf(state) < SEGMENT_STATES.indexOf(least) ? state : least),
    'approved',
  );
}
