// Share links for one article: editor, reviewer and viewer, each with a copy button.
import { useEffect, useState } from 'react';
import { ROLES, type Role } from '../../shared/schema.js';
import { api, ApiError, type RoleLinks } from '../app/api.js';
import { Dialog } from '../ui/Dialog.js';
import { CopyField } from './CopyField.js';

const ABOUT: Record<Role, string> = {
  editor: 'Edits the translation.',
  reviewer: 'Reads and reviews; cannot edit the text.',
  viewer: 'Reads and exports.',
};

/** Links given (just created) or minted here, one per role, with the admin token. */
export function ShareDialog({ adminToken, docId, title, links: given, onClose }: { adminToken: string; docId: string; title: string; links?: RoleLinks; onClose: () => void }) {
  const [links, setLinks] = useState<RoleLinks | null>(given ?? null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (given) return;
    let live = true;
    Promise.all(ROLES.map((role) => api.mint(adminToken, docId, role).then(({ link }) => [role, link] as const)))
      .then((pairs) => live && setLinks(Object.fromEntries(pairs) as RoleLinks))
      .catch((e) => live && setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [adminToken, docId, given]);

  return (
    <Dialog title={`Share “${title}”`} onClose={onClose} wide>
      <p className="dialog-lead">Anyone with a link can open the article with that role. Send each person the link they need.</p>
      {error && <p className="form-error" role="alert">{error}</p>}
      {!links && !error && <p className="muted">Making links…</p>}
      {links && (
        <div className="share-links">
          {[...ROLES].reverse().map((role) => (
            <CopyField key={role} label={role[0].toUpperCase() + role.slice(1)} hint={ABOUT[role]} value={links[role]} testId={`share-${role}`} />
          ))}
        </div>
      )}
      <div className="dialog-actions">
        {links && (
          <a className="button primary" href={new URL(links.editor).pathname + new URL(links.editor).search}>
            Open as editor
          </a>
        )}
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
