// "New article": a source and a draft translation (pasted or dropped), languages and a title.
import { useState } from 'react';
import { api, ApiError, type RoleLinks } from '../app/api.js';
import { Dialog } from '../ui/Dialog.js';
import { DropField, type Dropped } from './DropField.js';
import { LanguageField } from './LanguageField.js';
import { blockCount } from './blocks.js';

interface Created {
  id: string;
  title: string;
  links: RoleLinks;
}

export function NewArticleDialog({ token, onClose, onCreated }: { token: string; onClose: () => void; onCreated: (created: Created) => void }) {
  const [title, setTitle] = useState('');
  const [sourceLang, setSourceLang] = useState('en');
  const [targetLang, setTargetLang] = useState('bn');
  const [format, setFormat] = useState<'text' | 'markdown'>('text');
  const [source, setSource] = useState('');
  const [target, setTarget] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const took = (set: (text: string) => void) => (dropped: Dropped) => {
    set(dropped.text);
    if (dropped.fileName) setFormat(/\.(md|markdown)$/i.test(dropped.fileName) ? 'markdown' : 'text');
  };
  const counts = format === 'text' && source.trim() && target.trim() ? [blockCount(source), blockCount(target)] : null;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!source.trim() && !target.trim()) return setError('Paste or drop a source, a draft translation, or both.');
    setBusy(true);
    setError('');
    try {
      const created = await api.create(token, {
        ...(title.trim() ? { title: title.trim() } : {}),
        sourceLang: sourceLang.trim(),
        targetLang: targetLang.trim(),
        format,
        ...(source.trim() ? { source } : {}),
        ...(target.trim() ? { target } : {}),
      });
      onCreated({ id: created.id, title: created.title, links: created.links });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <Dialog title="New article" onClose={onClose} wide>
      <form className="new-article" onSubmit={submit}>
        <div className="form-row">
          <label className="field grow">
            <span>Title</span>
            <input className="text-input" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Defaults to the draft’s first line" maxLength={300} />
          </label>
          <LanguageField label="From" value={sourceLang} onChange={setSourceLang} />
          <LanguageField label="Into" value={targetLang} onChange={setTargetLang} />
          <label className="field">
            <span>Format</span>
            <select className="text-input" value={format} onChange={(e) => setFormat(e.target.value as 'text' | 'markdown')}>
              <option value="text">Plain text</option>
              <option value="markdown">Markdown</option>
            </select>
          </label>
        </div>
        <div className="form-columns">
          <DropField label="Source" hint="The original article. Paragraphs separated by blank lines." value={source} lang={sourceLang} onChange={took(setSource)} />
          <DropField label="Draft translation" hint="The draft to revise, paragraph for paragraph." value={target} lang={targetLang} onChange={took(setTarget)} />
        </div>
        {counts && (
          <p className={counts[0] === counts[1] ? 'muted' : 'form-warning'} role="status">
            {counts[0]} source paragraphs, {counts[1]} draft paragraphs{counts[0] === counts[1] ? ' — aligned.' : ' — they must match.'}
          </p>
        )}
        {error && <p className="form-error" role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create article'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
