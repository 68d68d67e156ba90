// The sticky head of the sheet: the column labels, the editor's toolbar at the translation's end,
// the article's own tools at the source's end (or after the toolbar when there is no source).
import type { ReactNode } from 'react';
import { languageName } from '../app/languages.js';

interface Props {
  sourceLang: string;
  targetLang: string;
  hasSource: boolean;
  tools: ReactNode;
  articleTools: ReactNode;
}

export function SheetHead({ sourceLang, targetLang, hasSource, tools, articleTools }: Props) {
  const source = `Source${sourceLang ? ` · ${languageName(sourceLang)}` : ''}`;
  const translation = `Translation${targetLang ? ` · ${languageName(targetLang)}` : ''}`;
  return (
    <div className={hasSource ? 'sheet-head' : 'sheet-head single'}>
      <span className="col-gutter" aria-hidden="true">
        #
      </span>
      {hasSource && (
        <span className="col-label col-source">
          <span className="col-name" aria-hidden="true" title={source}>
            {source}
          </span>
          {articleTools}
        </span>
      )}
      <span className="col-label col-target">
        <span className="col-name" aria-hidden="true" title={translation}>
          {translation}
        </span>
        {tools}
        {!hasSource && articleTools}
      </span>
    </div>
  );
}
