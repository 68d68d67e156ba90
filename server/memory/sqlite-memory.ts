// The translation memory in SQLite (SPEC 18): the tm_units table of tandem.db (sqlite-schema.ts), on
// a connection of its own. Fuzzy candidates come from the FTS5 trigram index over the normalised
// sources: the newest units holding each of the source's longest words, those sharing the most
// words first; then every candidate is scored (score.ts).
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { newId } from '../../shared/ids.js';
import { migrate } from '../storage/sqlite-schema.js';
import { findHits, normalise, startsAWord, wordsOf } from './normalize.js';
import { Scorer } from './score.js';
import {
  pairKey,
  STATUS_RANK,
  type ConcordanceUnit,
  type MemoryStore,
  type ScoredUnit,
  type TmUnit,
  type TmUnitInput,
  type UnitStatus,
} from './memory-store.js';

interface UnitRow {
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

const COLUMNS = 'u.id, u.source_lang, u.target_lang, u.source, u.target, u.source_norm, u.target_norm, u.doc_id, u.segment_id, u.status, u.confirmed_by, u.confirmed_at, u.context';
/** Fuzzy candidates scored per lookup, and words of the source asked for. */
const CANDIDATES = 200;
const QUERY_WORDS = 12;
const PER_WORD = 1000;
/** Units holding a concordance query looked at, the last added first. */
const SEARCHED = 2000;
/** The trigram index finds nothing shorter than three characters. */
const TRIGRAM = 3;
const DEFAULTS = { limit: 5, minScore: 50 };

export function openSqliteMemory(path: string): SqliteMemory {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return new SqliteMemory(db);
}

export class SqliteMemory implements MemoryStore {
  private readonly sql;

  constructor(private readonly db: Database.Database) {
    this.sql = {
      idOf: db.prepare('SELECT id FROM tm_units WHERE key = ?'),
      upsert: db.prepare(`INSERT INTO tm_units
        (id, key, pair, source_lang, target_lang, source, target, source_norm, target_norm, doc_id, segment_id, status, confirmed_by, confirmed_at, context)
        VALUES (@id, @key, @pair, @source_lang, @target_lang, @source, @target, @source_norm, @target_norm, @doc_id, @segment_id, @status, @confirmed_by, @confirmed_at, @context)
        ON CONFLICT (key) DO UPDATE SET source_lang = excluded.source_lang, target_lang = excluded.target_lang,
          source = excluded.source, target = excluded.target, source_norm = excluded.source_norm,
          target_norm = excluded.target_norm, status = excluded.status, confirmed_by = excluded.confirmed_by,
          confirmed_at = excluded.confirmed_at, context = excluded.context`),
      get: db.prepare(`SELECT ${COLUMNS} FROM tm_units u WHERE u.key = ?`),
      exact: db.prepare(`SELECT ${COLUMNS} FROM tm_units u WHERE u.pair = ? AND u.source_norm = ? LIMIT ${CANDIDATES}`),
      // Newest first and limited, so a word every unit holds costs no more than a rare one.
      word: db.prepare(`SELECT rowid FROM tm_fts WHERE tm_fts MATCH ? ORDER BY rowid DESC LIMIT ${PER_WORD}`).pluck(),
      byRowid: db.prepare(`SELECT ${COLUMNS} FROM tm_units u WHERE u.rowid IN (SELECT value FROM json_each(?)) AND u.pair = ?`),
      // The units added last that hold the text anywhere; hits at word starts are picked from them.
      phrase: db.prepare(`SELECT ${COLUMNS} FROM tm_units u WHERE u.rowid IN
        (SELECT rowid FROM tm_fts WHERE tm_fts MATCH ? ORDER BY rowid DESC LIMIT ${SEARCHED}) AND u.pair = ?`),
      contains: db.prepare(`SELECT ${COLUMNS} FROM tm_units u
        WHERE u.pair = ? AND (instr(u.source_norm, ?) > 0 OR instr(u.target_norm, ?) > 0) ORDER BY u.rowid DESC LIMIT ${SEARCHED}`),
      all: db.prepare(`SELECT ${COLUMNS} FROM tm_units u WHERE u.pair = ? ORDER BY u.confirmed_at, u.rowid`),
    };
  }

  async upsertUnit(unit: TmUnitInput): Promise<TmUnit> {
    this.write(unit);
    return fromRow(this.sql.get.get(keyOf(unit)) as UnitRow);
  }

  async importUnits(units: TmUnitInput[]): Promise<{ added: number; updated: number }> {
    return this.db.transaction(() => {
      let added = 0;
      for (const unit of units) if (this.write(unit)) added++;
      return { added, updated: units.length - added };
    })();
  }

  async lookup(source: string, sourceLang: string, targetLang: string, options: { limit?: number; minScore?: number } = {}): Promise<ScoredUnit[]> {
    const { limit, minScore } = { ...DEFAULTS, ...options };
    const norm = normalise(source);
    if (norm === '') return [];
    const pair = pairKey(sourceLang, targetLang);
    const rows = new Map<string, UnitRow>();
    for (const row of this.sql.exact.all(pair, norm) as UnitRow[]) rows.set(row.id, row);
    for (const row of this.fuzzyCandidates(norm, pair)) rows.set(row.id, row);
    return scoreRows(norm, [...rows.values()], limit, minScore).slice(0, limit);
  }

  async search(query: string, sourceLang: string, targetLang: string, limit = 50): Promise<ConcordanceUnit[]> {
    const norm = normalise(query);
    if (norm === '') return [];
    const pair = pairKey(sourceLang, targetLang);
    const rows = (
      [...norm].length >= TRIGRAM ? this.sql.phrase.all(`"${norm.replaceAll('"', '""')}"`, pair) : this.sql.contains.all(pair, norm, norm)
    ) as UnitRow[];
    // Best (approved, reviewed) first, then newest; hits are mapped back only for the units answered.
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

  async exportUnits(sourceLang: string, targetLang: string): Promise<TmUnit[]> {
    return (this.sql.all.all(pairKey(sourceLang, targetLang)) as UnitRow[]).map(fromRow);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /**
   * The units sharing the most of the source's longest words (three characters or more), each word
   * weighing the less the more units hold it, so the rare words a true match shares decide.
   */
  private fuzzyCandidates(norm: string, pair: string): UnitRow[] {
    const distinct = [...new Set(wordsOf(norm))].filter((word) => [...word].length >= TRIGRAM);
    distinct.sort((a, b) => b.length - a.length);
    const shared = new Map<number, number>();
    for (const word of distinct.slice(0, QUERY_WORDS)) {
      const rowids = this.sql.word.all(`source_norm : "${word.replaceAll('"', '""')}"`) as number[];
      for (const rowid of rowids) shared.set(rowid, (shared.get(rowid) ?? 0) + 1 / rowids.length);
    }
    if (shared.size === 0) return [];
    const best = [...shared].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, CANDIDATES).map(([rowid]) => rowid);
    return this.sql.byRowid.all(JSON.stringify(best), pair) as UnitRow[];
  }

  /** Writes one unit; true when it is new. */
  private write(unit: TmUnitInput): boolean {
    const key = keyOf(unit);
    const existing = this.sql.idOf.get(key) as { id: string } | undefined;
    this.sql.upsert.run({
      id: existing?.id ?? newId(12),
      key,
      pair: pairKey(unit.sourceLang, unit.targetLang),
      source_lang: unit.sourceLang,
      target_lang: unit.targetLang,
      source: unit.source,
      target: unit.target,
      source_norm: normalise(unit.source),
      target_norm: normalise(unit.target),
      doc_id: unit.docId,
      segment_id: unit.segmentId,
      status: unit.status,
      confirmed_by: unit.confirmedBy,
      confirmed_at: unit.confirmedAt,
      context: unit.context,
    });
    return !existing;
  }
}

/** A segment's unit is that segment's; any other is its pair's and texts'. */
function keyOf(unit: TmUnitInput): string {
  if (unit.docId !== null && unit.segmentId !== null) return `segment:${unit.docId}:${unit.segmentId}`;
  const digest = createHash('sha256').update(`${unit.source}\u0000${unit.target}`).digest('hex');
  return `text:${pairKey(unit.sourceLang, unit.targetLang)}:${digest}`;
}

/**
 * The candidates scoring at least `minScore`, best first; the same translation of the same source
 * (met in several articles) once, its best ranked unit. Each one's word score bounds its score, so
 * character scores are computed best bound first, and no longer once no bound can reach the
 * `limit`-th score found (ties are still scored: they may rank above by status).
 */
function scoreRows(norm: string, rows: UnitRow[], limit: number, minScore: number): ScoredUnit[] {
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
  return [...best.values()].sort(byScore);
}

function byScore(a: ScoredUnit, b: ScoredUnit): number {
  return b.score - a.score || STATUS_RANK[b.unit.status] - STATUS_RANK[a.unit.status] || b.unit.confirmedAt - a.unit.confirmedAt;
}

function fromRow(row: UnitRow): TmUnit {
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
