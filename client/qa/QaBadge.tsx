// The header's QA badge: errors and warnings left, at a glance; opens the QA panel.
import { useStore } from '../app/store.js';
import { panels } from '../panels/panel-store.js';
import type { QaStore } from './qa-store.js';
import { summary } from './qa-labels.js';
import { CheckIcon, ShieldIcon } from './icons.js';

export function QaBadge({ qa }: { qa: QaStore }) {
  const { counts, ready } = useStore(qa);
  const open = useStore(panels) === 'qa';
  const clean = ready && counts.error === 0 && counts.warning === 0;
  const label = ready ? `QA: ${summary(counts)}` : 'QA: checking…';
  return (
    <button
      type="button"
      className={`button qa-badge${clean ? ' clean' : ''}`}
      aria-pressed={open}
      aria-label={label}
      title={`${label} — open the QA panel`}
      data-testid="qa-badge"
      data-errors={ready ? counts.error : undefined}
      data-warnings={ready ? counts.warning : undefined}
      onClick={() => panels.toggle('qa')}
    >
      {clean ? <CheckIcon /> : <ShieldIcon />}
      <span>QA</span>
      {ready && counts.error > 0 && <span className="qa-count error">{counts.error}</span>}
      {ready && counts.warning > 0 && <span className="qa-count warning">{counts.warning}</span>}
      {!ready && <span className="qa-count pending" aria-hidden="true">…</span>}
    </button>
  );
}
