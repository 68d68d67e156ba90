// Asks before saving an export while suggestions, comment threads or QA errors are unresolved.
import { Dialog } from '../ui/Dialog.js';
import { panels } from '../app/panel-store.js';
import { unresolvedText, type FetchedExport } from './export-file.js';

export function UnresolvedDialog({ file, onExport, onClose }: { file: FetchedExport; onExport: () => void; onClose: () => void }) {
  const { unresolved } = file;
  return (
    <Dialog title="Export with unresolved work?" onClose={onClose}>
      <div className="unresolved" data-testid="unresolved-dialog">
        <p className="unresolved-lead">
          <strong>{unresolvedText(unresolved)}</strong> — export anyway?
        </p>
        <ul className="unresolved-list">
          {unresolved.suggestions > 0 && <li>Suggestions are waiting for an editor to accept or reject them.</li>}
          {unresolved.threads > 0 && <li>Comment threads are still open.</li>}
          {unresolved.qaErrors > 0 && <li>QA found errors, such as changed numbers or forbidden terms.</li>}
        </ul>
        <p className="muted">The file ({file.name}) holds the translation as it stands now.</p>
      </div>
      <div className="dialog-actions">
        {unresolved.qaErrors > 0 && (
          <button type="button" className="button" onClick={() => (onClose(), panels.set('qa'))}>
            Show QA issues
          </button>
        )}
        <span className="dialog-spacer" />
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button primary" onClick={onExport} autoFocus>
          Export anyway
        </button>
      </div>
    </Dialog>
  );
}
