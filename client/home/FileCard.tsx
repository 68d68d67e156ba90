// A file chosen for import (XLIFF or Word), with what was read from it and a way to remove it.
import { languageName } from '../app/languages.js';
import { plural } from '../app/plural.js';
import type { ImportedFile } from './import-file.js';

export function FileCard({ file, onRemove }: { file: ImportedFile; onRemove: () => void }) {
  const facts =
    file.kind === 'xliff'
      ? [
          'XLIFF',
          plural(file.units ?? 0, 'unit'),
          file.notes ? plural(file.notes, 'note') : null,
          file.sourceLang && file.targetLang ? `${languageName(file.sourceLang)} → ${languageName(file.targetLang)}` : null,
        ]
      : ['Word document', 'the draft translation'];
  return (
    <div className={`file-card ${file.kind}`} data-testid="import-file">
      <span className="file-badge" aria-hidden="true">
        {file.kind === 'xliff' ? 'XLF' : 'DOC'}
      </span>
      <div className="file-info">
        <strong>{file.name}</strong>
        <span>{facts.filter(Boolean).join(' · ')}</span>
        {file.kind === 'xliff' && <span className="muted">Sources, translations and statuses all come from the file{file.notes ? '; its notes become comments' : ''}.</span>}
      </div>
      <button type="button" className="link-button" onClick={onRemove}>
        Remove
      </button>
    </div>
  );
}
