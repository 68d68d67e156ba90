// "Saved" only when the server said so (its stored acknowledgement); otherwise what is going on.
// While someone types, the acknowledgements arrive between keystrokes: "Saving…" stays until they
// pause (SAVED_AFTER_MS after the last one covered everything), as word processors do, instead of
// flickering with every key. It writes its few attributes to the DOM itself rather than re-render:
// a React commit while the editor has focus measures the selection across the whole article.
import { useEffect, useRef } from 'react';
import type { Role } from '../../shared/schema.js';
import { saveState, type SaveState, type SyncSnapshot, type SyncState } from '../collab/sync-state.js';

const SAVED_AFTER_MS = 600;

function labelOf(phase: SaveState, snapshot: SyncSnapshot, readOnly: boolean): string {
  return {
    connecting: 'Connecting…',
    saving: readOnly ? 'Syncing…' : 'Saving…',
    saved: readOnly ? 'Live' : 'Saved',
    'offline-kept': snapshot.keptLocally ? 'Offline — changes kept in this browser' : 'Offline — changes not yet saved',
    offline: 'Offline — reconnecting…',
    closed: 'Disconnected',
  }[phase];
}

export function SaveIndicator({ state, role }: { state: SyncState; role: Role }) {
  const root = useRef<HTMLSpanElement>(null);
  const text = useRef<HTMLSpanElement>(null);
  const readOnly = role !== 'editor';

  useEffect(() => {
    let timer = 0;
    const write = (phase: SaveState) => {
      const label = labelOf(phase, state.get(), readOnly);
      if (!root.current || !text.current || (root.current.dataset.state === phase && text.current.textContent === label)) return;
      root.current.className = `save-indicator save-${phase}`;
      root.current.dataset.state = phase;
      text.current.textContent = label;
    };
    const show = () => {
      const phase = saveState(state.get());
      clearTimeout(timer);
      if (phase === 'saved' && root.current?.dataset.state === 'saving') timer = window.setTimeout(() => write(saveState(state.get())), SAVED_AFTER_MS);
      else write(phase);
    };
    show();
    const stop = state.subscribe(show);
    return () => (stop(), clearTimeout(timer));
  }, [state, readOnly]);

  return (
    <span ref={root} className="save-indicator" role="status" aria-live="polite" data-testid="save-state">
      <span className="save-dot" aria-hidden="true" />
      <span ref={text} />
    </span>
  );
}
