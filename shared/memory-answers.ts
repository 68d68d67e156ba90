// What the translation memory's routes answer (SPEC 18.3–18.6), as the server writes it and the
// desk reads it.
import type { DiffOp } from './diff/words.js';

export const UNIT_STATUSES = ['translated', 'reviewed', 'approved'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

/** A range of UTF-16 offsets into a unit's source or target, on grapheme boundaries. */
export interface Hit {
  start: number;
  end: number;
}

/** One match for a segment (GET …/segments/:segmentId/matches). */
export interface MemoryMatch {
  source: string;
  target: string;
  /** 100 for an identical normalised source, below for a fuzzy one (SPEC 18.3). */
  score: number;
  /** The segment before matches the unit's context too (SPEC 18.4). */
  context: boolean;
  status: UnitStatus;
  confirmedBy: string | null;
  confirmedAt: number;
  docId: string | null;
  /** The word diff that turns the match's source into this segment's. */
  diff: DiffOp[];
}
