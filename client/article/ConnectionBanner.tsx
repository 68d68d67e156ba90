// A banner for what needs saying in words: offline with changes kept here, the server unable to
// save (SPEC 10.30), or closed for good.
import type { Role } from '../../shared/schema.js';
import { CloseCode } from '../../shared/schema.js';
import { useStore } from '../app/store.js';
import { saveState, type SyncState } from '../collab/sync-state.js';

function closedMessage(code: number, role: Role): { title: string; body: string } {
  switch (code) {
    case CloseCode.unauthorized:
      return { title: 'This link no longer works', body: 'It has expired or been revoked. Ask the desk for a new link.' };
    case CloseCode.forbidden:
      return role === 'editor'
        ? { title: 'Your change was refused', body: 'The server did not accept a change from this page. Reload to continue.' }
        : { title: 'Read-only access', body: `As a ${role} you cannot change the translation. Reload to continue reading.` };
    case CloseCode.notFound:
      return { title: 'This article does not exist', body: 'It may have been deleted. Ask the desk for the current link.' };
    case CloseCode.tooLarge:
      return { title: 'The article is too large', body: 'The last change made it larger than the server allows and it was not saved. Reload to continue.' };
    default:
      return { title: 'Disconnected', body: 'The server closed the connection. Reload the page to try again.' };
  }
}

export function ConnectionBanner({ state, role }: { state: SyncState; role: Role }) {
  // Only the phases this banner speaks of: "saving" and "saved" alternate with every keystroke.
  const phase = useStore(state, (s) => {
    const p = saveState(s);
    return p === 'offline' || p === 'offline-kept' || p === 'cannot-save' ? p : null;
  });
  const keptLocally = useStore(state, (s) => s.keptLocally);
  const closed = useStore(state, (s) => s.closed);
  if (closed) {
    const { title, body } = closedMessage(closed.code, role);
    return (
      <div className="banner banner-error" role="alert" data-testid="closed-banner" data-code={closed.code}>
        <strong>{title}.</strong> {body}
        {closed.code !== CloseCode.unauthorized && closed.code !== CloseCode.notFound && (
          <button type="button" className="button small" onClick={() => window.location.reload()}>
            Reload
          </button>
        )}
      </div>
    );
  }
  if (phase === 'cannot-save') {
    return (
      <div className="banner banner-offline" role="status" data-testid="cannot-save-banner">
        <strong>The server cannot save changes right now.</strong>{' '}
        {keptLocally
          ? 'Your changes are kept in this browser and will be sent when it can.'
          : 'Keep this page open: your changes will be sent when it can.'}
      </div>
    );
  }
  if (phase === 'offline-kept' && keptLocally) {
    return (
      <div className="banner banner-offline" role="status" data-testid="offline-banner">
        <strong>You are offline.</strong> Your changes are kept in this browser and will merge when the connection returns.
      </div>
    );
  }
  if (phase === 'offline' || phase === 'offline-kept') {
    return (
      <div className="banner banner-offline" role="status" data-testid="offline-banner">
        <strong>Connection lost.</strong> Reconnecting…
      </div>
    );
  }
  return null;
}
