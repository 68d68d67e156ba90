// The sticky head of the sheet: the column labels, and the editor's toolbar on the right.
import type { ReactNode } from 'react';
import { languageName } from '../app/languages.js';

export function SheetHead({ sourceLang, targetLang, hasSource, children }: { sourceLang: string; targetLang: string; hasSource: boolean; children?: ReactNode }) {
  const source = `Source${sourceLang ? ` · ${languageName(sourceLang)}` : ''}`;
  const translation = `Translation${targetLang ? ` · ${languageName(targetLang)}` : ''}`;
  return (
    <div className={hasSource ? 'sheet-head' : 'sheet-head single'}>
      <span className="col-gutter" aria-hidden="true">
        #
      </span>
      {hasSource && (
        <span className="col-label col-name" aria-hidden="true" title={source}>
          {source}
        </span>
      )}
      <span className="col-label col-target">
        <span className="col-name" aria-hidden="true" title={translation}>
          {translation}
        </span>
        {children}
      </span>
    </div>
  );
}
