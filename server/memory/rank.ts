// What every MemoryStore back end shares (SPEC 18.1, 18.3, 18.6): the stored row and its unit, a
// unit's key, which words of a source ask the index for candidates and how they are weighed, the
// scoring and ranking of candidates, and concordance hits. A back end only fetches rows.
import { createHash } from 'node:crypto';
import { findHits, startsAWord, wordsOf } from './normalize.js';
import { Scorer } from './score.js';
import { pairKey, pairOf, STATUS_RANK, type ConcordanceUnit, type PairSize, type ScoredUnit, type TmUnit, type TmUnitInput, type UnitStatus } from './memory-store.js';

/** A unit as both back ends store it (tm_units, same column names). */
export interface UnitRow {
  id: string;
  source_lang: string;
  target_lang: string;
  source: string;
  target: string;
  source_norm: string;
  target_norm: string;
  doc_id: string | null;
  segment_id: string | null;
  status: string;
  confirmed_by: string | null;
  confirmed_at: number;
  context: string | null;
}

export const UNIT_COLUMNS = 'u.id, u.source_lang, u.target_lang, u.source, u.target, u.source_norm, u.target_norm, u.doc_id, u.segment_id, u.status, u.confirmed_by, u.confirmed_at, u.context';

/** The columns a unit is written with, and what writing it again over its key replaces (both back ends). */
export const UNIT_INSERT_COLUMNS = 'id, key, pair, source_lang, target_lang, source, target, source_norm, target_norm, doc_id, segment_id, status, confirmed_by, confirmed_at, context';
export const UNIT_REPLACED = `source_lang = excluded.source_lang, target_lang = excluded.target_lang,
  source = excluded.source, target = excluded.target, source_norm = excluded.source_norm,
  target_norm = excluded.target_norm, status = excluded.status, confirmed_by = excluded.confirmed_by,
  confirmed_at = excluded.confirmed_at, context = excluded.context`;

/** Fuzzy candidates scored per lookup, words of the source asked for, and units asked per word. */
export const CANDIDATES = 200;
export const QUERY_WORDS = 12;
export const PER_WORD = 1000;
/** Units holding a concordance query looked at, the last added first. */
export const SEARCHED = 2000;
/** A trigram index finds nothing shorter than three characters. */
export const TRIGRAM = 3;
export const LOOKUP_DEFAULTS = { limit: 5, minScore: 50 };

/** Units per pair, the largest first: the statement both back ends run for MemoryStore.pairs. */
export const PAIR_SIZES = 'SELECT pair, count(*) AS units, max(confirmed_at) AS last FROM tm_units GROUP BY pair ORDER BY units DESC, pair';

export function pairSize(row: { pair: string; units: number | string; last: number | string }): PairSize {
  return { ...pairOf(row.pair), units: Number(row.units), lastConfirmedAt: Number(row.last) };
}

/** A segment's unit is that segment's; any other is its pair's and texts'. */
export function keyOf(unit: TmUnitInput): string {
  if (unit.docId !== null && unit.segmentId !== null) return `segment:${unit.docId}:${unit.segmentId}`;
  const digest = createHash('sha256').update(`${unit.source}\u0000${unit.target}`).digest('hex');
  return `text:${pairKey(unit.sourceLang, unit.targetLang)}:${digest}`;
}

/** The words of a normalised source an index holds: distinct, three characters or more. */
export function indexedWords(norm: string): string[] {
  return [...new Set(wordsOf(norm))].filter((word) => [...word].length >= TRIGRAM);
}

/** The words of a normalised source the index is asked about: its longest indexed words. */
export function candidateWords(norm: string): string[] {
  return indexedWords(norm).sort((a, b) => b.length - a.length).slice(0, QUERY_WORDS);
}

/**
 * The units sharing the most of the source's words, given for each word the newest units holding
 * it: each word weighs the less the more units hold it, so the rare words a true match shares
 * decide. Answers up to CANDIDATES ids (numeric row ids), best first.
 */
export function weighCandidates(holders: number[][]): number[] {
  const shared = new Map<number, number>();
  for (const ids of holders) for (const id of ids) shared.set(id, (shared.get(id) ?? 0) + 1 / ids.length);
  return [...shared].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, CANDIDATES).map(([id]) => id);
}

/**
 * The candidates scoring at least `minScore`, best first; the same translation of the same source
 * (met in several articles) once, its best ranked unit. Each one's word score bounds its score, so
 * character scores are computed best bound first, and no longer once no bound can reach the
 * `limit`-th score found (ties are still scored: they may rank above by status).
 */
export function scoreRows(norm: string, rows: UnitRow[], limit: number, minScore: number): ScoredUnit[] {
  const scorer = new Scorer(norm);
  const bounded = rows.map((row) => ({ row, bound: scorer.bound(row.source_norm) })).filter(({ bound }) => bound >= minScore);
  bounded.sort((a, b) => b.bound - a.bound);
  const best = new Map<string, ScoredUnit>();
  let floor = minScore;
  for (const { row, bound } of bounded) {
    if (bound < floor) break;
    const score = scorer.score(row.source_norm);
    if (score < floor) continue;
    const match = { unit: fromRow(row), score };
    const key = `${row.source_norm}\u0000${row.target}`;
    const known = best.get(key);
    if (known && byScore(known, match) <= 0) continue;
    best.set(key, match);
    if (best.size >= limit) floor = Math.max(floor, [...best.values()].sort(byScore)[limit - 1].score);
  }
  return [...best.values()].sort(byScore).slice(0, limit);
}

/**
 * Of the rows holding the normalised query anywhere, those holding it at a word start, best
 * (approved, reviewed) then newest first, with their hits; hits are mapped back only for the units
 * answered.
 */
export function concordance(rows: UnitRow[], query: string, norm: string, limit: number): ConcordanceUnit[] {
  const holding = rows.filter((row) => startsAWord(row.source_norm, norm) || startsAWord(row.target_norm, norm));
  holding.sort((a, b) => STATUS_RANK[b.status as UnitStatus] - STATUS_RANK[a.status as UnitStatus] || b.confirmed_at - a.confirmed_at);
  const found: ConcordanceUnit[] = [];
  for (const row of holding) {
    if (found.length === limit) break;
    const hits = { source: findHits(row.source, query), target: findHits(row.target, query) };
    if (hits.source.length + hits.target.length > 0) found.push({ unit: fromRow(row), hits });
  }
  return found;
}

function byScore(a: ScoredUnit, b: ScoredUnit): number {
  return b.score - a.score || STATUS_RANK[b.unit.status] - STATUS_RANK[a.unit.status] || b.unit.confirmedAt - a.unit.confirmedAt;
}

export function fromRow(row: UnitRow): TmUnit {
  return {
    id: row.id,
    source: row.source,
    target: row.target,
    sourceLang: row.source_lang,
    targetLang: row.target_lang,
    docId: row.doc_id,
    segmentId: row.segment_id,
    status: row.status as UnitStatus,
    confirmedBy: row.confirmed_by,
    confirmedAt: row.confirmed_at,
    context: row.context,
  };
}
