// A suggestion in the margin: who proposes what (the struck text and the proposed one), the note,
// and what this person may do with it: accept or reject (editors), withdraw (its author).
import { memo } from 'react';
import type { Suggestion } from '../../shared/review/types.js';
import { useStore } from '../app/store.js';
import type { ReviewDesk } from './desk.js';
import { Byline, IconAction, useBusy } from './CardParts.js';
import { authorColor } from './highlight-styles.js';
import { ArrowRightIcon, CheckIcon, CrossIcon } from '../ui/icons.js';

const KIND_LABEL = { insert: 'Insert', delete: 'Delete', replace: 'Replace' } as const;

function Change({ suggestion }: { suggestion: Suggestion }) {
  const { kind, quote, text } = suggestion;
  if (kind === 'insert') {
    const before = quote.prefix.slice(-14);
    return (
      <p className="card-change">
        <span className="change-verb">Insert</span> <ins>{text}</ins>
        {before && <span className="change-where"> after “…{before}”</span>}
      </p>
    );
  }
  if (kind === 'delete') {
    return (
      <p className="card-change">
        <span className="change-verb">Delete</span> <del>{quote.exact}</del>
      </p>
    );
  }
  return (
    <p className="card-change">
      <del>{quote.exact}</del>
      <span className="change-arrow" aria-label="becomes">
        <ArrowRightIcon />
      </span>
      <ins>{text}</ins>
    </p>
  );
}

interface Props {
  desk: ReviewDesk;
  suggestion: Suggestion;
  active: boolean;
}

export const SuggestionCard = memo(function SuggestionCard({ desk, suggestion, active }: Props) {
  const [busy, run] = useBusy();
  const stale = suggestion.status === 'stale';
  const mine = useStore(desk.myId) === suggestion.authorId;
  const { id } = suggestion;
  return (
    <article
      className={`card suggestion-card${active ? ' active' : ''}${stale ? ' stale' : ''}`}
      style={{ '--author': authorColor(suggestion.author).color } as React.CSSProperties}
      data-review-id={id}
      data-testid="suggestion-card"
      data-kind={suggestion.kind}
      data-status={suggestion.status}
      onClick={() => desk.active.set(id)}
      aria-label={`Suggestion by ${suggestion.author}`}
    >
      <header className="card-head">
        <Byline name={suggestion.author} at={suggestion.createdAt} detail={KIND_LABEL[suggestion.kind]} you={mine} />
        <span className="card-icons">
          {desk.canDecide && (
            <>
              <IconAction label="Accept" tone="ok" disabled={busy || stale} onClick={() => run(() => desk.run(() => desk.api.accept(id)))}>
                <CheckIcon />
              </IconAction>
              <IconAction label="Reject" tone="no" disabled={busy} onClick={() => run(() => desk.run(() => desk.api.reject(id)))}>
                <CrossIcon />
              </IconAction>
            </>
          )}
          {mine && !desk.canDecide && (
            <button type="button" className="card-text-action" disabled={busy} onClick={(e) => (e.stopPropagation(), run(() => desk.run(() => desk.api.withdraw(id))))}>
              Withdraw
            </button>
          )}
        </span>
      </header>
      <Change suggestion={suggestion} />
      {suggestion.note && <p className="card-note">{suggestion.note}</p>}
      {stale && (
        <p className="card-stale" role="note">
          <span className="stale-badge">Stale</span> The text was rewritten since; this can no longer be accepted.
        </p>
      )}
      {mine && desk.canDecide && (
        <footer className="card-foot">
          <button type="button" className="link-button" disabled={busy} onClick={(e) => (e.stopPropagation(), run(() => desk.run(() => desk.api.withdraw(id))))}>
            Withdraw
          </button>
        </footer>
      )}
    </article>
  );
});
