// A button for a sweeping action (accept or reject everything): the first click asks, the second
// does it; moving away forgets the question.
import { useState, type ReactNode } from 'react';

export function ConfirmButton({ label, ask, onConfirm, disabled, className = 'button small' }: { label: ReactNode; ask: string; onConfirm: () => void; disabled?: boolean; className?: string }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={className} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" onMouseLeave={() => setAsking(false)} onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setAsking(false)}>
      <span className="confirm-ask">{ask}</span>
      <button type="button" className="button small primary" autoFocus onClick={() => (setAsking(false), onConfirm())}>
        Yes
      </button>
      <button type="button" className="button small" onClick={() => setAsking(false)}>
        No
      </button>
    </span>
  );
}
