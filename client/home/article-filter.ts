// Which articles the home page lists: by a search over titles (`#` and the start of an id finds
// that article), a language pair, and how far an article has come, told by its least advanced segment.
import { SEGMENT_STATES, type SegmentState } from '../../shared/schema.js';
import { languageName } from '../app/languages.js';
import type { ArticleRow, Progress } from './useArticles.js';

/** How far an article has come: the status of its least advanced segment. */
export const STAGES: Readonly<Record<SegmentState, string>> = {
  draft: 'Drafts left',
  translated: 'Ready for review',
  reviewed: 'Reviewed',
  approved: 'Approved',
};

export interface ArticleFilter {
  query: string;
  /** A language pair (`en>bn`), or '' for any. */
  pair: string;
  /** A stage, or '' for any. */
  stage: SegmentState | '';
}

export const NO_FILTER: ArticleFilter = { query: '', pair: '', stage: '' };

export function stageOf(progress: Progress): SegmentState {
  return SEGMENT_STATES.find((state) => progress[state] > 0) ?? 'draft';
}

export function pairOf(row: Pick<ArticleRow, 'sourceLang' | 'targetLang'>): string {
  return `${row.sourceLang.toLowerCase()}>${row.targetLang.toLowerCase()}`;
}

/** The language pairs among `rows`, named ("English → Bangla") and sorted by name. */
export function languagePairs(rows: ArticleRow[]): Array<{ pair: string; name: string }> {
  const pairs = new Map<string, string>();
  for (const row of rows) pairs.set(pairOf(row), `${languageName(row.sourceLang)} → ${languageName(row.targetLang)}`);
  return [...pairs].map(([pair, name]) => ({ pair, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Whether `row` passes `filter`; an article whose progress is still loading passes no stage. */
export function matches(row: ArticleRow, filter: ArticleFilter): boolean {
  const query = filter.query.trim().toLocaleLowerCase();
  if (query && !(query.startsWith('#') ? row.id.startsWith(query.slice(1)) : row.title.toLocaleLowerCase().includes(query))) return false;
  if (filter.pair && pairOf(row) !== filter.pair) return false;
  if (filter.stage && (!row.progress || stageOf(row.progress) !== filter.stage)) return false;
  return true;
}

export function isFiltered(filter: ArticleFilter): boolean {
  return filter.query.trim() !== '' || filter.pair !== '' || filter.stage !== '';
}
