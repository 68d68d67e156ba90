// Asks once for the name others see beside this person's cursor, saying which article and in which
// role they are joining: the article's id until its title has been read with the link's token.
import { useEffect, useState } from 'react';
import type { Role } from '../../shared/schema.js';
import { api } from '../app/api.js';
import { ROLE_HINT, ROLE_LABEL } from './roles.js';

interface Props {
  docId: string;
  token: string;
  role: Role;
  onName: (name: string) => void;
}

export function NamePrompt({ docId, token, role, onName }: Props) {
  const [name, setName] = useState('');
  const [article, setArticle] = useState<{ title: string; lang: string } | null>(null);
  useEffect(() => {
    let current = true;
    api.get(token, docId).then(
      (detail) => current && detail.title && setArticle({ title: detail.title, lang: detail.targetLang }),
      () => {}, // the id stays; the page itself will say what is wrong with the link
    );
    return () => void (current = false);
  }, [docId, token]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (name.trim()) onName(name.trim());
  };
  return (
    <div className="modal-backdrop">
      <form className="modal name-prompt" onSubmit={submit} aria-labelledby="name-title">
        <div className="brand-mark" aria-hidden="true">T</div>
        <h1 id="name-title">Join the desk</h1>
        <div className="joining" data-testid="joining">
          <span className="joining-article" lang={article?.lang} title={article?.title ?? docId}>
            {article?.title ?? `Article ${docId}`}
          </span>
          <span className="joining-role">
            as <span className={`role-badge role-${role}`}>{ROLE_LABEL[role]}</span>
          </span>
          <span className="joining-hint">{ROLE_HINT[role]}</span>
        </div>
        <p>Your colleagues see this name beside your cursor.</p>
        <label className="visually-hidden" htmlFor="display-name">
          Your name
        </label>
        <input
          id="display-name"
          className="text-input"
          placeholder="Your name"
          autoComplete="name"
          maxLength={64}
          autoFocus
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="button primary" disabled={!name.trim()}>
          Continue
        </button>
      </form>
    </div>
  );
}
