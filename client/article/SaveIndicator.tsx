// "Saved" only when the server said so (its stored acknowledgement); otherwise what is going on.
import type { Role } from '../../shared/schema.js';
import { useStore } from '../app/store.js';
import { saveState, type SyncState } from '../collab/sync-state.js';

export function SaveIndicator({ state, role }: { state: SyncState; role: Role }) {
  const snapshot = useStore(state);
  const phase = saveState(snapshot);
  const readOnly = role !== 'editor';
  const label = {
    connecting: 'Connecting…',
    saving: readOnly ? 'Syncing…' : 'Saving…',
    saved: readOnly ? 'Live' : 'Saved',
    'offline-kept': snapshot.keptLocally ? 'Offline — changes kept in this browser' : 'Offline — changes not yet saved',
    offline: 'Offline — reconnecting…',
    closed: 'Disconnected',
  }[phase];
  return (
    <span className={`save-indicator save-${phase}`} role="status" aria-live="polite" data-testid="save-state" data-state={phase}>
      <span className="save-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
