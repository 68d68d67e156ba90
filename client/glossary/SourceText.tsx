// A source text with its glossary terms marked. Hovering or clicking a term shows its agreed
// translation (the page's one tooltip); Enter on a clicked term inserts it (editors). Terms are
// not tab stops: a long article would put dozens of them before the translation.
import { memo, useMemo } from 'react';
import type { GlossaryEntry } from '../../shared/qa/index.js';
import type { TermIndex } from './term-index.js';
import { TERM_TIP_ID, termTip } from './tip-store.js';

interface Props {
  text: string;
  segmentId: string;
  terms: TermIndex;
  onInsert: (entry: GlossaryEntry, segmentId: string) => void;
}

export const SourceText = memo(function SourceText({ text, segmentId, terms, onInsert }: Props) {
  const hits = useMemo(() => terms.find(text), [terms, text]);
  if (hits.length === 0) return <>{text}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const hit of hits) {
    if (hit.start > at) parts.push(text.slice(at, hit.start));
    const show = (event: React.SyntheticEvent<HTMLElement>) => termTip.show({ entry: hit.entry, anchor: event.currentTarget, segmentId });
    parts.push(
      <mark
        key={hit.start}
        className="term"
        tabIndex={-1}
        data-term={hit.entry.source}
        aria-describedby={TERM_TIP_ID}
        onMouseEnter={show}
        onMouseLeave={() => termTip.hideSoon()}
        onFocus={show}
        onBlur={() => termTip.hideSoon()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') termTip.hide();
          if (event.key === 'Enter') {
            event.preventDefault();
            onInsert(hit.entry, segmentId);
          }
        }}
      >
        {text.slice(hit.start, hit.end)}
      </mark>,
    );
    at = hit.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
});
