// "Saved" only when the server said so (its stored acknowledgement); otherwise what is going on.
// While someone types, the acknowledgements arrive between keystrokes: "Saving…" stays until they
// pause (SAVED_AFTER_MS after the last one covered everything), as word processors do, instead of
// flickering with every key. It writes its few attributes to the DOM itself rather than re-render:
// a React commit while the editor has focus measures the selection across the whole article.
// Ctrl+S (⌘S) is answered here, as word processors that save by themselves do: never the browser's
// Save-page dialog, but the save state, flashed.
import { useEffect, useRef } from 'react';
import type { Role } from '../../shared/schema.js';
import { saveState, type SaveState, type SyncSnapshot, type SyncState } from '../collab/sync-state.js';

const SAVED_AFTER_MS = 600;
const NUDGE_MS = 2000;

const isSaveKey = (event: KeyboardEvent) => (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 's';

function labelOf(phase: SaveState, snapshot: SyncSnapshot, readOnly: boolean): string {
  return {
    connecting: 'Connecting…',
    saving: readOnly ? 'Syncing…' : 'Saving…',
    saved: readOnly ? 'Live' : 'Saved',
    'offline-kept': snapshot.keptLocally ? 'Offline — changes kept in this browser' : 'Offline — changes not yet saved',
    offline: 'Offline — reconnecting…',
    'cannot-save': snapshot.keptLocally ? 'Can’t save — changes kept in this browser' : 'Can’t save — changes not yet saved',
    closed: 'Disconnected',
  }[phase];
}

export function SaveIndicator({ state, role }: { state: SyncState; role: Role }) {
  const root = useRef<HTMLSpanElement>(null);
  const text = useRef<HTMLSpanElement>(null);
  const readOnly = role !== 'editor';

  useEffect(() => {
    let timer = 0;
    let nudgeTimer = 0;
    let nudged = false;
    const write = (phase: SaveState) => {
      const label = nudged && phase === 'saved' && !readOnly ? 'All changes saved' : labelOf(phase, state.get(), readOnly);
      const className = `save-indicator save-${phase}${nudged ? ' save-nudged' : ''}`;
      if (!root.current || !text.current || (root.current.className === className && text.current.textContent === label)) return;
      root.current.className = className;
      root.current.dataset.state = phase;
      text.current.textContent = label;
      // Cut short on a narrow header: the whole words on hover.
      text.current.title = label;
    };
    const show = () => {
      const phase = saveState(state.get());
      clearTimeout(timer);
      if (phase === 'saved' && root.current?.dataset.state === 'saving') timer = window.setTimeout(() => write(saveState(state.get())), SAVED_AFTER_MS);
      else write(phase);
    };
    const onKey = (event: KeyboardEvent) => {
      if (!isSaveKey(event)) return;
      event.preventDefault();
      const nudge = (on: boolean) => {
        nudged = on;
        write(saveState(state.get()));
      };
      nudge(true);
      clearTimeout(nudgeTimer);
      nudgeTimer = window.setTimeout(() => nudge(false), NUDGE_MS);
    };
    show();
    const stop = state.subscribe(show);
    window.addEventListener('keydown', onKey);
    return () => (stop(), clearTimeout(timer), clearTimeout(nudgeTimer), window.removeEventListener('keydown', onKey));
  }, [state, readOnly]);

  return (
    <span ref={root} className="save-indicator" role="status" aria-live="polite" data-testid="save-state">
      <span className="save-dot" aria-hidden="true" />
      <span ref={text} className="save-text" />
    </span>
  );
}
