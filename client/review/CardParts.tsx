// Pieces shared by the margin's cards: the author's avatar and byline, an icon button, and a hook
// for an action button that stays disabled while its request runs.
import { useState, type ReactNode } from 'react';
import { initial } from '../collab/colors.js';
import { timeAgo } from '../app/time.js';
import { authorColor } from './highlight-styles.js';

export function Byline({ name, at, detail, you }: { name: string; at: number; detail?: ReactNode; you?: boolean }) {
  return (
    <div className="byline" style={{ '--author': authorColor(name).color } as React.CSSProperties}>
      <span className="card-avatar" aria-hidden="true">
        {initial(name)}
      </span>
      <span className="byline-text">
        <span className="byline-name">
          {name}
          {you && <span className="byline-you"> (you)</span>}
        </span>
        <span className="byline-meta">
          {detail}
          {detail ? ' · ' : ''}
          <time dateTime={new Date(at).toISOString()} title={new Date(at).toLocaleString()}>
            {timeAgo(at)}
          </time>
        </span>
      </span>
    </div>
  );
}

export function IconAction({ label, onClick, children, disabled, tone }: { label: string; onClick: () => void; children: ReactNode; disabled?: boolean; tone?: 'ok' | 'no' }) {
  return (
    <button
      type="button"
      className={`card-icon${tone ? ` ${tone}` : ''}`}
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={(event) => {
        event.stopPropagation();
        onClick();
      }}
    >
      {children}
    </button>
  );
}

/** Wraps an async action so its buttons stay disabled until it settles. */
export function useBusy(): [boolean, (action: () => Promise<unknown>) => void] {
  const [busy, setBusy] = useState(false);
  const run = (action: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(true);
    void action().finally(() => setBusy(false));
  };
  return [busy, run];
}
