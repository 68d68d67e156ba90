// The list of articles: searched and filtered; each with its title, what tells it apart, progress
// and last change; open, share, add its confirmed segments to the translation memory (SPEC 18.35),
// delete (after asking in a dialog of the page).
import { useState } from 'react';
import { api, ApiError } from '../app/api.js';
import { articleHref } from '../app/location.js';
import { memoryFillNote } from '../app/memory-fill.js';
import { ArticleFilters } from './ArticleFilters.js';
import { ArticleMeta } from './ArticleMeta.js';
import { matches, NO_FILTER, type ArticleFilter } from './article-filter.js';
import { DeleteArticleDialog } from './DeleteArticleDialog.js';
import { ProgressBar } from './ProgressBar.js';
import type { ArticleRow } from './useArticles.js';

/** Segments marked Translated, Reviewed or Approved; unknown until the progress is read. */
const confirmed = ({ progress }: ArticleRow) => (progress ? progress.translated + progress.reviewed + progress.approved : 0);

interface Props {
  token: string;
  rows: ArticleRow[] | null;
  onShare: (row: ArticleRow) => void;
  onChanged: () => void;
  onNew: () => void;
}

export function ArticleList({ token, rows, onShare, onChanged, onNew }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [filter, setFilter] = useState<ArticleFilter>(NO_FILTER);
  const [deleting, setDeleting] = useState<ArticleRow | null>(null);
  if (rows === null) return <p className="muted">Loading articles…</p>;
  if (rows.length === 0) {
    return (
      <div className="empty-state">
        <h2>No articles yet</h2>
        <p>Import a source and its draft translation to start revising it together.</p>
        <button type="button" className="button primary" onClick={onNew}>
          New article
        </button>
      </div>
    );
  }

  const open = async (row: ArticleRow) => {
    setBusy(row.id);
    try {
      const { token: editor } = await api.mint(token, row.id, 'editor');
      window.location.assign(articleHref(row.id, editor));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      setBusy(null);
    }
  };

  const addToMemory = async (row: ArticleRow) => {
    setBusy(row.id);
    setError('');
    setDone('');
    try {
      setDone(`${row.title}: ${memoryFillNote(await api.fillMemory(token, row.id))}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const shown = rows.filter((row) => matches(row, filter));
  return (
    <>
      <ArticleFilters rows={rows} filter={filter} shown={shown.length} onChange={setFilter} />
      {error && <p className="form-error" role="alert">{error}</p>}
      {done && <p className="muted article-note" role="status">{done}</p>}
      {shown.length === 0 ? (
        <div className="empty-state">
          <h2>No article matches</h2>
          <button type="button" className="button" onClick={() => setFilter(NO_FILTER)}>
            Clear the search and filters
          </button>
        </div>
      ) : (
        <ul className="article-list" aria-label="Articles">
          {shown.map((row) => (
            <li key={row.id} className="article-row" data-testid="article-row" data-id={row.id}>
              <div className="article-info">
                <button type="button" className="article-link" onClick={() => void open(row)} disabled={busy === row.id}>
                  {row.title}
                </button>
                <ArticleMeta article={row} />
              </div>
              <ProgressBar progress={row.progress} />
              <div className="row-actions">
                <button type="button" className="button" onClick={() => void open(row)} disabled={busy === row.id}>
                  Open
                </button>
                <button type="button" className="button" onClick={() => onShare(row)}>
                  Share
                </button>
                <button
                  type="button"
                  className="button"
                  aria-label={`Add ${row.title} to the translation memory`}
                  title={confirmed(row) === 0 ? 'No confirmed segment yet' : 'Add its confirmed segments to the translation memory'}
                  onClick={() => void addToMemory(row)}
                  disabled={busy === row.id || confirmed(row) === 0}
                >
                  Add to memory
                </button>
                <button type="button" className="button danger-quiet" aria-label={`Delete ${row.title}`} onClick={() => setDeleting(row)} disabled={busy === row.id}>
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {deleting && (
        <DeleteArticleDialog
          token={token}
          article={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleting(null);
            onChanged();
          }}
        />
      )}
    </>
  );
}
