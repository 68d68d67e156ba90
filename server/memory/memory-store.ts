// The translation memory (SPEC 18): one per workspace, per language pair, of translation units.
// An interface of its own beside the Store, so each storage back end implements it separately;
// every implementation passes test/contract/memory.contract.ts. Scores come from score.ts, the
// same for every implementation.

import { UNIT_STATUSES, type Hit, type UnitStatus } from '../../shared/memory-answers.js';

export { UNIT_STATUSES, type Hit, type UnitStatus };

/** Translated, reviewed and approved are confirmed: a segment in one of them is a unit. */
export const isUnitStatus = (state: string | undefined): state is UnitStatus => (UNIT_STATUSES as readonly string[]).includes(state ?? '');

export interface TmUnit {
  id: string;
  source: string;
  target: string;
  /** Language tags as given (en, bn-BD); pairs match on their primary subtags. */
  sourceLang: string;
  targetLang: string;
  /** The article and segment it was confirmed in; null for a unit imported from TMX. */
  docId: string | null;
  segmentId: string | null;
  status: UnitStatus;
  confirmedBy: string | null;
  confirmedAt: number;
  /** The source of the segment before it (a context match, SPEC 18.4); null when none or unknown. */
  context: string | null;
}

export type TmUnitInput = Omit<TmUnit, 'id'>;

export interface ScoredUnit {
  unit: TmUnit;
  /** 100 for an identical normalised source, below for a fuzzy one (SPEC 18.3). */
  score: number;
}

export interface ConcordanceUnit {
  unit: TmUnit;
  hits: { source: Hit[]; target: Hit[] };
}

/** How many units a language pair holds (its primary subtags), and when the newest was confirmed. */
export interface PairSize {
  sourceLang: string;
  targetLang: string;
  units: number;
  lastConfirmedAt: number;
}

export interface MemoryStore {
  /**
   * Writes a unit: one from a segment replaces that segment's unit (docId, segmentId); one without
   * replaces the unit with the same pair, source and target. Answers the stored unit.
   */
  upsertUnit(unit: TmUnitInput): Promise<TmUnit>;
  /** The units of the pair whose source resembles `source`, best first (SPEC 18.3). */
  lookup(source: string, sourceLang: string, targetLang: string, options?: { limit?: number; minScore?: number }): Promise<ScoredUnit[]>;
  /** The units of the pair holding `query` at a word start in either language (SPEC 18.6). */
  search(query: string, sourceLang: string, targetLang: string, limit?: number): Promise<ConcordanceUnit[]>;
  /** Writes every unit (as upsertUnit) in one transaction: all or nothing. */
  importUnits(units: TmUnitInput[]): Promise<{ added: number; updated: number }>;
  /** Every unit of the pair, oldest first. */
  exportUnits(sourceLang: string, targetLang: string): Promise<TmUnit[]>;
  /** Every pair holding units, the largest first. */
  pairs(): Promise<PairSize[]>;
  close(): Promise<void>;
}

/** Reviewed and approved units rank above translated ones at equal score. */
export const STATUS_RANK: Record<UnitStatus, number> = { translated: 0, reviewed: 1, approved: 2 };

/** A pair key's languages again (en>bn → en, bn). */
export function pairOf(key: string): { sourceLang: string; targetLang: string } {
  const [sourceLang, targetLang] = key.split('>');
  return { sourceLang, targetLang };
}

/** The language pair's key: primary subtags, lower case (en-US → en). */
export function pairKey(sourceLang: string, targetLang: string): string {
  const primary = (tag: string) => tag.split(/[-_]/)[0].toLowerCase();
  return `${primary(sourceLang)}>${primary(targetLang)}`;
}
