// The header's QA badge: errors and warnings left, at a glance; opens the QA panel.
import { useStore } from '../app/store.js';
import { panels } from '../app/panel-store.js';
import type { QaStore } from './qa-store.js';
import { summary } from './qa-labels.js';
import { CheckIcon, ShieldIcon } from '../ui/icons.js';

export function QaBadge({ qa }: { qa: QaStore }) {
  // Primitives only: a run that finds the same issues renders nothing.
  const ready = useStore(qa, (s) => s.ready);
  const errors = useStore(qa, (s) => s.counts.error);
  const warnings = useStore(qa, (s) => s.counts.warning);
  const label = useStore(qa, (s) => (s.ready ? `QA: ${summary(s.counts)}` : 'QA: checking…'));
  const open = useStore(panels) === 'qa';
  const clean = ready && errors === 0 && warnings === 0;
  return (
    <button
      type="button"
      className={`button qa-badge${clean ? ' clean' : ''}`}
      aria-pressed={open}
      aria-label={label}
      title={`${label} — open the QA panel`}
      data-testid="qa-badge"
      data-errors={ready ? errors : undefined}
      data-warnings={ready ? warnings : undefined}
      onClick={() => panels.toggle('qa')}
    >
      {clean ? <CheckIcon /> : <ShieldIcon />}
      <span>QA</span>
      {ready && errors > 0 && <span className="qa-count error">{errors}</span>}
      {ready && warnings > 0 && <span className="qa-count warning">{warnings}</span>}
      {!ready && <span className="qa-count pending" aria-hidden="true">…</span>}
    </button>
  );
}
