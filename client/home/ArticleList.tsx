// The list of articles: title, languages, progress, last change; open, share, delete.
import { useState } from 'react';
import { api, ApiError } from '../app/api.js';
import { articleHref } from '../app/location.js';
import { languageName } from '../app/languages.js';
import { ProgressBar } from './ProgressBar.js';
import { timeAgo } from './time.js';
import type { ArticleRow } from './useArticles.js';

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

  const remove = async (row: ArticleRow) => {
    if (!window.confirm(`Delete “${row.title}”? Everyone with a link loses access. This cannot be undone.`)) return;
    setBusy(row.id);
    try {
      await api.remove(token, row.id);
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {error && <p className="form-error" role="alert">{error}</p>}
      <ul className="article-list" aria-label="Articles">
        {rows.map((row) => (
          <li key={row.id} className="article-row" data-testid="article-row" data-id={row.id}>
            <div className="article-info">
              <button type="button" className="article-link" onClick={() => void open(row)} disabled={busy === row.id}>
                {row.title}
              </button>
              <div className="article-meta">
                <span title={`${languageName(row.sourceLang)} → ${languageName(row.targetLang)}`}>
                  {row.sourceLang.toUpperCase()} → {row.targetLang.toUpperCase()}
                </span>
                <span aria-hidden="true">·</span>
                <span>{row.segmentCount} segments</span>
                <span aria-hidden="true">·</span>
                <span>Updated {timeAgo(row.updatedAt)}</span>
              </div>
            </div>
            <ProgressBar progress={row.progress} total={row.segmentCount} />
            <div className="row-actions">
              <button type="button" className="button" onClick={() => void open(row)} disabled={busy === row.id}>
                Open
              </button>
              <button type="button" className="button" onClick={() => onShare(row)}>
                Share
              </button>
              <button type="button" className="button danger-quiet" aria-label={`Delete ${row.title}`} onClick={() => void remove(row)} disabled={busy === row.id}>
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
