// The search box and filters above the article list, and how many articles they leave.
import type { SegmentState } from '../../shared/schema.js';
import { plural } from '../app/plural.js';
import { isFiltered, languagePairs, NO_FILTER, STAGES, type ArticleFilter } from './article-filter.js';
import type { ArticleRow } from './useArticles.js';

interface Props {
  rows: ArticleRow[];
  filter: ArticleFilter;
  shown: number;
  onChange: (filter: ArticleFilter) => void;
}

export function ArticleFilters({ rows, filter, shown, onChange }: Props) {
  const set = (change: Partial<ArticleFilter>) => onChange({ ...filter, ...change });
  return (
    <div className="article-filters" role="search">
      <input
        type="search"
        className="text-input article-search"
        aria-label="Search articles"
        placeholder="Search titles, or #id"
        value={filter.query}
        onChange={(e) => set({ query: e.target.value })}
      />
      <select className="text-input" aria-label="Languages" value={filter.pair} onChange={(e) => set({ pair: e.target.value })}>
        <option value="">All languages</option>
        {languagePairs(rows).map(({ pair, name }) => (
          <option key={pair} value={pair}>
            {name}
          </option>
        ))}
      </select>
      <select className="text-input" aria-label="Progress" value={filter.stage} onChange={(e) => set({ stage: e.target.value as SegmentState | '' })}>
        <option value="">Any progress</option>
        {Object.entries(STAGES).map(([stage, label]) => (
          <option key={stage} value={stage}>
            {label}
          </option>
        ))}
      </select>
      <span className="article-count muted" role="status">
        {isFiltered(filter) ? `${shown} of ${plural(rows.length, 'article')}` : plural(rows.length, 'article')}
      </span>
      {isFiltered(filter) && (
        <button type="button" className="link-button" onClick={() => onChange(NO_FILTER)}>
          Clear
        </button>
      )}
    </div>
  );
}
