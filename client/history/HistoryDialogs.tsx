// The History panel's questions, in the page's own dialogs (never the browser's confirm()): the
// name of a version to save, and whether to delete or restore one.
import { useState, type ReactNode } from 'react';
import { Dialog } from '../ui/Dialog.js';

const NAMES = ['Sent to review', 'Reviewed', 'Final'];

export function SaveVersionDialog({ onSave, onClose }: { onSave: (name: string) => Promise<boolean>; onClose: () => void }) {
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (!name.trim()) return;
    setSaving(true);
    if (!(await onSave(name.trim()))) setSaving(false);
  };
  return (
    <Dialog title="Save a version" onClose={onClose}>
      <form
        className="save-version"
        data-testid="save-version-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field">
          Name
          <input className="text-input" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} autoFocus required data-testid="version-name" />
        </label>
        <div className="version-suggestions" role="group" aria-label="Common names">
          {NAMES.map((n) => (
            <button key={n} type="button" className="button small" onClick={() => setName(n)}>
              {n}
            </button>
          ))}
        </div>
        <p className="muted">The article as it is now, kept until an editor deletes it.</p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={saving || !name.trim()}>
            {saving ? 'Saving…' : 'Save version'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface ConfirmProps {
  title: string;
  children: ReactNode;
  action: string;
  busy: string;
  danger?: boolean;
  onConfirm: () => Promise<boolean>;
  onClose: () => void;
}

export function ConfirmDialog({ title, children, action, busy, danger, onConfirm, onClose }: ConfirmProps) {
  const [working, setWorking] = useState(false);
  const confirm = async () => {
    setWorking(true);
    if (!(await onConfirm())) setWorking(false);
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <div className="version-confirm" data-testid="version-confirm">
        {children}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          Cancel
        </button>
        <button type="button" className={danger ? 'button danger' : 'button primary'} onClick={() => void confirm()} disabled={working}>
          {working ? busy : action}
        </button>
      </div>
    </Dialog>
  );
}
