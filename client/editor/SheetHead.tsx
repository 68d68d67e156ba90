// The sticky head of the sheet: the column labels, and the editor's toolbar on the right.
import type { ReactNode } from 'react';
import { languageName } from '../app/languages.js';

export function SheetHead({ sourceLang, targetLang, hasSource, children }: { sourceLang: string; targetLang: string; hasSource: boolean; children?: ReactNode }) {
  return (
    <div className={hasSource ? 'sheet-head' : 'sheet-head single'}>
      <span className="col-gutter" aria-hidden="true">
        #
      </span>
      {hasSource && (
        <span className="col-label" aria-hidden="true">
          Source{sourceLang ? ` · ${languageName(sourceLang)}` : ''}
        </span>
      )}
      <span className="col-label col-target">
        <span aria-hidden="true">Translation{targetLang ? ` · ${languageName(targetLang)}` : ''}</span>
        {children}
      </span>
    </div>
  );
}
