// One glossary term: editable fields for editors, a compact line for everyone else.
import { memo } from 'react';
import { splitVariants, type DraftRow } from './glossary-draft.js';
import { TrashIcon } from '../ui/icons.js';

interface Props {
  row: DraftRow;
  editable: boolean;
  /** Takes the focus (its source field) when it appears. */
  takesFocus?: boolean;
  showProblems: boolean;
  sourceLang?: string;
  targetLang?: string;
  onChange: (key: number, change: Partial<DraftRow>) => void;
  onDelete: (key: number) => void;
}

export const GlossaryRow = memo(function GlossaryRow({ row, editable, takesFocus, showProblems, sourceLang, targetLang, onChange, onDelete }: Props) {
  if (!editable) {
    const variants = splitVariants(row.forbidden);
    return (
      <li className="gl-row read" data-testid="glossary-row">
        <div className="gl-pair">
          <span className="gl-source" lang={sourceLang}>
            {row.source}
          </span>
          <span className="gl-arrow" aria-label="translates as">
            →
          </span>
          <span className="gl-target" lang={targetLang}>
            {row.target}
          </span>
          {row.caseSensitive && <span className="gl-case-note" title="Matches case">Aa</span>}
        </div>
        {variants.length > 0 && (
          <div className="gl-forbidden" lang={targetLang}>
            <span className="gl-label">Not</span>
            {variants.map((v) => (
              <s key={v}>{v}</s>
            ))}
          </div>
        )}
        {row.note && <div className="gl-note">{row.note}</div>}
      </li>
    );
  }
  const missing = (value: string) => (showProblems && !value.trim() ? true : undefined);
  const field = (name: 'source' | 'target' | 'forbidden' | 'note', label: string, placeholder: string, lang?: string) => (
    <input
      className={`gl-input gl-field-${name}`}
      aria-label={label}
      placeholder={placeholder}
      value={row[name]}
      lang={lang}
      autoFocus={takesFocus && name === 'source'}
      maxLength={name === 'note' ? 2000 : 500}
      aria-invalid={name === 'source' || name === 'target' ? missing(row[name]) : undefined}
      onChange={(e) => onChange(row.key, { [name]: e.target.value })}
    />
  );
  return (
    <li className="gl-row edit" data-testid="glossary-row">
      {field('source', 'Source term', 'Source term', sourceLang)}
      {field('target', 'Agreed translation', 'Agreed translation', targetLang)}
      {field('forbidden', 'Forbidden variants', 'Forbidden variants', targetLang)}
      {field('note', 'Note', 'Note')}
      <div className="gl-actions">
        <button
          type="button"
          className="gl-case"
          aria-pressed={row.caseSensitive}
          aria-label="Match case"
          title={row.caseSensitive ? 'Matches case exactly' : 'Ignores case (click to match case)'}
          onClick={() => onChange(row.key, { caseSensitive: !row.caseSensitive })}
        >
          Aa
        </button>
        <button type="button" className="icon-button gl-delete" aria-label="Delete term" title="Delete term" onClick={() => onDelete(row.key)}>
          <TrashIcon />
        </button>
      </div>
    </li>
  );
});
