// The translation memory on PostgreSQL (SPEC 18.1, 17.1): the tm_units table of the database the
// documents live in (migration 2 of storage/postgres/schema.ts), on the PostgreSQL store's pool, so
// every instance sharing DATABASE_URL shares one memory. Fuzzy candidates are the newest units
// holding each of the source's longest words, read from tm_words' B-tree (one index range per
// word: asking pg_trgm's GIN index LIKE '%word%' took 175 ms a lookup at 100,000 units); weighing,
// scoring and ranking them is rank.ts', the same as on SQLite. Concordance, text anywhere, is what
// the GIN trigram indexes serve.
import type pg from 'pg';
import { newId } from '../../shared/ids.js';
import { normalise } from './normalize.js';
import {
  CANDIDATES,
  candidateWords,
  indexedWords,
  concordance,
  fromRow,
  keyOf,
  LOOKUP_DEFAULTS,
  PER_WORD,
  scoreRows,
  SEARCHED,
  UNIT_COLUMNS as COLUMNS,
  weighCandidates,
  UNIT_INSERT_COLUMNS,
  UNIT_REPLACED,
  PAIR_SIZES,
  pairSize,
  type UnitRow,
} from './rank.js';
import { pairKey, type ConcordanceUnit, type MemoryStore, type PairSize, type ScoredUnit, type TmUnit, type TmUnitInput } from './memory-store.js';

type Queryable = pg.Pool | pg.PoolClient;

const UPSERT = `INSERT INTO tm_units AS u (${UNIT_INSERT_COLUMNS})
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
  ON CONFLICT (key) DO UPDATE SET ${UNIT_REPLACED}
  RETURNING ${COLUMNS}, u.ord, u.pair, (xmax = 0) AS inserted`;

/** The unit written, then its source's words: those it no longer holds go, new ones come. */
const WRITE = `WITH w AS (${UPSERT}),
  gone AS (DELETE FROM tm_words t USING w WHERE t.ord = w.ord AND (t.pair <> w.pair OR t.word <> ALL($16::text[]))),
  added AS (INSERT INTO tm_words (pair, word, ord) SELECT w.pair, unnest($16::text[]), w.ord FROM w ON CONFLICT DO NOTHING)
  SELECT * FROM w`;

/** An import adding this many units refreshes the tables' statistics. */
const ANALYZE_AFTER = 1000;

/** A LIKE pattern matching `text` anywhere (its own % _ \ taken literally). */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class PostgresMemory implements MemoryStore {
  /** The pool is the PostgreSQL store's: the store ends it, not the memory. */
  constructor(private readonly pool: pg.Pool) {}

  async upsertUnit(unit: TmUnitInput): Promise<TmUnit> {
    return fromRow((await write(this.pool, unit)).row);
  }

  async importUnits(units: TmUnitInput[]): Promise<{ added: number; updated: number }> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      let added = 0;
      for (const unit of units) if ((await write(client, unit)).inserted) added++;
      await client.query('COMMIT');
      // Fresh statistics at once, not at autovacuum's next round: planned on an empty table's, a
      // word's range would be read through a bitmap and sorted, several times slower.
      if (added >= ANALYZE_AFTER) await client.query('ANALYZE tm_units, tm_words');
      client.release();
      return { added, updated: units.length - added };
    } catch (error) {
      // A connection that cannot even roll back is broken: the pool drops it rather than reuse it.
      const broken = await client.query('ROLLBACK').then(() => false, () => true);
      client.release(broken ? (error as Error) : undefined);
      throw error;
    }
  }

  async lookup(source: string, sourceLang: string, targetLang: string, options: { limit?: number; minScore?: number } = {}): Promise<ScoredUnit[]> {
    const { limit, minScore } = { ...LOOKUP_DEFAULTS, ...options };
    const norm = normalise(source);
    if (norm === '') return [];
    const pair = pairKey(sourceLang, targetLang);
    const rows = new Map<string, UnitRow>();
    const exact = await this.pool.query<UnitRow>(
      `SELECT ${COLUMNS} FROM tm_units u WHERE u.pair = $1 AND md5(u.source_norm) = md5($2) AND u.source_norm = $2 LIMIT ${CANDIDATES}`,
      [pair, norm],
    );
    for (const row of exact.rows) rows.set(row.id, row);
    for (const row of await this.fuzzyCandidates(norm, pair)) rows.set(row.id, row);
    return scoreRows(norm, [...rows.values()], limit, minScore);
  }

  async search(query: string, sourceLang: string, targetLang: string, limit = 50): Promise<ConcordanceUnit[]> {
    const norm = normalise(query);
    if (norm === '') return [];
    // The units added last that hold the text anywhere; hits at word starts are picked from them.
    const { rows } = await this.pool.query<UnitRow>(
      `SELECT ${COLUMNS} FROM tm_units u WHERE u.pair = $1 AND (u.source_norm LIKE $2 OR u.target_norm LIKE $2)
       ORDER BY u.ord DESC LIMIT ${SEARCHED}`,
      [pairKey(sourceLang, targetLang), containing(norm)],
    );
    return concordance(rows, query, norm, limit);
  }

  async exportUnits(sourceLang: string, targetLang: string): Promise<TmUnit[]> {
    const { rows } = await this.pool.query<UnitRow>(
      `SELECT ${COLUMNS} FROM tm_units u WHERE u.pair = $1 ORDER BY u.confirmed_at, u.ord`,
      [pairKey(sourceLang, targetLang)],
    );
    return rows.map(fromRow);
  }

  async pairs(): Promise<PairSize[]> {
    return (await this.pool.query<Parameters<typeof pairSize>[0]>(PAIR_SIZES)).rows.map(pairSize);
  }

  async close(): Promise<void> {}

  /** The newest units of the pair holding each of the source's longest words (rank.ts weighs them). */
  private async fuzzyCandidates(norm: string, pair: string): Promise<UnitRow[]> {
    const words = candidateWords(norm);
    if (words.length === 0) return [];
    // One statement; newest first and limited, so a word every unit holds costs no more than a rare one.
    const { rows: held } = await this.pool.query<{ i: number; ords: number[] }>(
      `SELECT w.i::int AS i, ARRAY(SELECT t.ord FROM tm_words t WHERE t.pair = $1 AND t.word = w.word ORDER BY t.ord DESC LIMIT ${PER_WORD}) AS ords
       FROM unnest($2::text[]) WITH ORDINALITY AS w(word, i)`,
      [pair, words],
    );
    const best = weighCandidates(held.map((row) => row.ords.map(Number)));
    if (best.length === 0) return [];
    const { rows } = await this.pool.query<UnitRow>(`SELECT ${COLUMNS} FROM tm_units u WHERE u.ord = ANY($1::bigint[])`, [best]);
    return rows;
  }
}

/** Writes one unit, keeping the id of the unit it replaces; says whether it is new. */
async function write(db: Queryable, unit: TmUnitInput): Promise<{ row: UnitRow; inserted: boolean }> {
  const sourceNorm = normalise(unit.source);
  const { rows } = await db.query<UnitRow & { ord: number; pair: string; inserted: boolean }>(WRITE, [
    newId(12),
    keyOf(unit),
    pairKey(unit.sourceLang, unit.targetLang),
    unit.sourceLang,
    unit.targetLang,
    unit.source,
    unit.target,
    sourceNorm,
    normalise(unit.target),
    unit.docId,
    unit.segmentId,
    unit.status,
    unit.confirmedBy,
    unit.confirmedAt,
    unit.context,
    indexedWords(sourceNorm),
  ]);
  const { inserted, ord: _ord, pair: _pair, ...row } = rows[0];
  return { row, inserted };
}
