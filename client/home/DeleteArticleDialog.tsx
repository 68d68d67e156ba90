// Asks before deleting an article, naming it fully: articles may share a title.
import { useState } from 'react';
import { api, ApiError } from '../app/api.js';
import { Dialog } from '../ui/Dialog.js';
import { ArticleMeta } from './ArticleMeta.js';
import type { ArticleRow } from './useArticles.js';

export function DeleteArticleDialog({ token, article, onDeleted, onClose }: { token: string; article: ArticleRow; onDeleted: () => void; onClose: () => void }) {
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState('');
  const remove = async () => {
    setDeleting(true);
    try {
      await api.remove(token, article.id);
      onDeleted();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      setDeleting(false);
    }
  };
  return (
    <Dialog title="Delete this article?" onClose={onClose}>
      <div className="delete-article" data-testid="delete-dialog">
        <strong className="delete-title">{article.title}</strong>
        <ArticleMeta article={article} />
        <p>Everyone with a link to it loses access at once. This cannot be undone.</p>
        {error && <p className="form-error" role="alert">{error}</p>}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button type="button" className="button danger" onClick={() => void remove()} disabled={deleting}>
          {deleting ? 'Deleting…' : 'Delete article'}
        </button>
      </div>
    </Dialog>
  );
}
