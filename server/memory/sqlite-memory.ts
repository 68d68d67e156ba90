// The translation memory in SQLite (SPEC 18): the tm_units table of tandem.db (sqlite-schema.ts), on
// a connection of its own. Fuzzy candidates come from the FTS5 trigram index over the normalised
// sources: the newest units holding each of the source's longest words, those sharing the most
// words first; then every candidate is scored (score.ts).
import Database from 'better-sqlite3';
import { newId } from '../../shared/ids.js';
import { migrate } from '../storage/sqlite-schema.js';
import { normalise } from './normalize.js';
import {
  candidateWords,
  concordance,
  fromRow,
  keyOf,
  LOOKUP_DEFAULTS,
  PER_WORD,
  scoreRows,
  SEARCHED,
  TRIGRAM,
  UNIT_COLUMNS as COLUMNS,
  CANDIDATES,
  weighCandidates,
  UNIT_INSERT_COLUMNS,
  UNIT_REPLACED,
  PAIR_SIZES,
  pairSize,
  type UnitRow,
} from './rank.js';
import { pairKey, type ConcordanceUnit, type MemoryStore, type PairSize, type ScoredUnit, type TmUnit, type TmUnitInput } from './memory-store.js';

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
      upsert: db.prepare(`INSERT INTO tm_units (${UNIT_INSERT_COLUMNS})
        VALUES (${UNIT_INSERT_COLUMNS.replace(/(\w+)/g, '@$1')})
        ON CONFLICT (key) DO UPDATE SET ${UNIT_REPLACED}`),
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
      pairs: db.prepare(PAIR_SIZES),
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
    const { limit, minScore } = { ...LOOKUP_DEFAULTS, ...options };
    const norm = normalise(source);
    if (norm === '') return [];
    const pair = pairKey(sourceLang, targetLang);
    const rows = new Map<string, UnitRow>();
    for (const row of this.sql.exact.all(pair, norm) as UnitRow[]) rows.set(row.id, row);
    for (const row of this.fuzzyCandidates(norm, pair)) rows.set(row.id, row);
    return scoreRows(norm, [...rows.values()], limit, minScore);
  }

  async search(query: string, sourceLang: string, targetLang: string, limit = 50): Promise<ConcordanceUnit[]> {
    const norm = normalise(query);
    if (norm === '') return [];
    const pair = pairKey(sourceLang, targetLang);
    const rows = (
      [...norm].length >= TRIGRAM ? this.sql.phrase.all(`"${norm.replaceAll('"', '""')}"`, pair) : this.sql.contains.all(pair, norm, norm)
    ) as UnitRow[];
    return concordance(rows, query, norm, limit);
  }

  async exportUnits(sourceLang: string, targetLang: string): Promise<TmUnit[]> {
    return (this.sql.all.all(pairKey(sourceLang, targetLang)) as UnitRow[]).map(fromRow);
  }

  async pairs(): Promise<PairSize[]> {
    return (this.sql.pairs.all() as Parameters<typeof pairSize>[0][]).map(pairSize);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** The units sharing the most of the source's longest words (rank.ts weighs them). */
  private fuzzyCandidates(norm: string, pair: string): UnitRow[] {
    const holders = candidateWords(norm).map((word) => this.sql.word.all(`source_norm : "${word.replaceAll('"', '""')}"`) as number[]);
    const best = weighCandidates(holders);
    if (best.length === 0) return [];
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
