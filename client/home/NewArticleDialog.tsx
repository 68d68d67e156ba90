// "New article": a source and a draft translation (pasted or dropped), languages and a title; or a
// whole XLIFF file, or a Word draft with an optional plain-text source. When the source and the
// draft have different paragraph counts, or equal counts the aligner pairs otherwise than by
// position, or the aligner would pair an XLIFF file's units otherwise than the file does, Create
// first shows how the server would pair them (SPEC 10.29), and the pairs as the user left them are
// what the article is made of.
import { useState } from 'react';
import { api, ApiError, type AlignmentPair, type AlignmentProposal, type NewArticle, type RoleLinks } from '../app/api.js';
import { Dialog } from '../ui/Dialog.js';
import { DropField, type Dropped } from './DropField.js';
import { LanguageField } from './LanguageField.js';
import { blockCount } from './blocks.js';
import { FileCard } from './FileCard.js';
import { readImportFile, type ImportedFile } from './import-file.js';
import { newArticleBody } from './new-article-body.js';
import { AlignmentReview } from './AlignmentReview.js';
import { alignmentOf, shownBecause, type ShownBecause } from './alignment-edit.js';

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
  const [file, setFile] = useState<ImportedFile | null>(null);
  const [pretranslate, setPretranslate] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [proposal, setProposal] = useState<AlignmentProposal | null>(null);
  const [because, setBecause] = useState<ShownBecause>('counts');
  const [pairs, setPairs] = useState<AlignmentPair[]>([]);
  const xliff = file?.kind === 'xliff';

  const took = (set: (text: string) => void) => (dropped: Dropped) => {
    set(dropped.text);
    if (dropped.fileName) setFormat(/\.(md|markdown)$/i.test(dropped.fileName) ? 'markdown' : 'text');
  };
  const takeFile = async (chosen: File): Promise<string | null> => {
    const read = await readImportFile(chosen);
    if (typeof read === 'string') return read;
    setFile(read);
    setError('');
    if (read.kind === 'xliff') {
      setSourceLang(read.sourceLang ?? '');
      setTargetLang(read.targetLang ?? '');
    }
    return null;
  };
  const counts = !file && format === 'text' && source.trim() && target.trim() ? [blockCount(source), blockCount(target)] : null;

  /**
   * The proposal and why it is shown (SPEC 10.29): a source and a draft whose paragraph counts
   * differ, or are equal but pair otherwise than by position, or an XLIFF file whose units the
   * aligner pairs otherwise; null when they pair as they stand.
   */
  const misaligned = async (body: NewArticle): Promise<{ proposed: AlignmentProposal; because: ShownBecause } | null> => {
    const bothSides = body.format === 'xliff' || (body.source !== undefined && (body.target !== undefined || body.format === 'docx'));
    if (!bothSides) return null;
    const proposed = await api.align(token, body);
    const because = shownBecause(proposed);
    return because ? { proposed, because } : null;
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const body = newArticleBody({ title, sourceLang, targetLang, format, source, target, file, pretranslate });
    if (typeof body === 'string') return setError(body);
    setBusy(true);
    setError('');
    try {
      if (!proposal) {
        const shown = await misaligned(body);
        if (shown) {
          setProposal(shown.proposed);
          setBecause(shown.because);
          setPairs(shown.proposed.pairs);
          setBusy(false);
          return;
        }
      }
      const created = await api.create(token, proposal ? { ...body, align: alignmentOf(pairs) } : body);
      onCreated({ id: created.id, title: created.title, links: created.links });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      setBusy(false);
    }
  };

  const sourceField = (
    <DropField label="Source" hint="The original article. Paragraphs separated by blank lines." value={source} lang={sourceLang} onChange={took(setSource)} files={['.xlf', '.xliff']} onFile={takeFile} />
  );
  return (
    <Dialog title="New article" onClose={onClose} wide>
      <form className="new-article" onSubmit={submit}>
        {proposal && <AlignmentReview proposal={proposal} because={because} pairs={pairs} onChange={setPairs} sourceLang={sourceLang} targetLang={targetLang} />}
        {/* Kept while the pairs are shown, so Back finds the form as it was. */}
        <div className="new-article-fields" hidden={proposal !== null}>
            <div className="form-row">
              <label className="field grow">
                <span>Title</span>
                <input className="text-input" value={title} onChange={(e) => setTitle(e.target.value)} placeholder={file ? 'Defaults to the file’s title' : 'Defaults to the draft’s first line'} maxLength={300} />
              </label>
              <LanguageField label="From" value={sourceLang} onChange={setSourceLang} required={!xliff} />
              <LanguageField label="Into" value={targetLang} onChange={setTargetLang} required={!xliff} />
              <label className="field">
                <span>Format</span>
                {file ? (
                  <select className="text-input" value={file.kind} disabled>
                    <option value="xliff">XLIFF</option>
                    <option value="docx">Word</option>
                  </select>
                ) : (
                  <select className="text-input" value={format} onChange={(e) => setFormat(e.target.value as 'text' | 'markdown')}>
                    <option value="text">Plain text</option>
                    <option value="markdown">Markdown</option>
                  </select>
                )}
              </label>
            </div>
            {xliff ? (
              <FileCard file={file} onRemove={() => setFile(null)} />
            ) : (
              <div className="form-columns">
                {sourceField}
                {file ? (
                  <div className="drop-field">
                    <div className="drop-head">
                      <span>Draft translation</span>
                    </div>
                    <FileCard file={file} onRemove={() => setFile(null)} />
                  </div>
                ) : (
                  <DropField label="Draft translation" hint="The draft to revise, paragraph for paragraph." value={target} lang={targetLang} onChange={took(setTarget)} files={['.docx', '.xlf', '.xliff']} onFile={takeFile} />
                )}
              </div>
            )}
            {counts && (
              <p className={counts[0] === counts[1] ? 'muted' : 'form-warning'} role="status">
                {counts[0]} source paragraphs, {counts[1]} draft paragraphs{counts[0] === counts[1] ? ' — Create checks that they pair in order.' : ' — Create shows how they pair.'}
              </p>
            )}
            <label className="new-article-memory">
              <input type="checkbox" checked={pretranslate} onChange={(event) => setPretranslate(event.target.checked)} />
              Fill empty paragraphs from the translation memory (identical sources only; they stay drafts)
            </label>
        </div>
        {error && <p className="form-error" role="alert">{error}</p>}
        <div className="dialog-actions">
          {proposal && (
            <button type="button" className="button align-back" onClick={() => setProposal(null)}>
              Back
            </button>
          )}
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
