// The workspace glossary, edited by the admin from the desk's home: merged into every article's
// QA checks and marked in every source.
import '../styles/glossary-editor.css';
import { useEffect, useMemo, useState } from 'react';
import type { GlossaryEntry } from '../../shared/qa/index.js';
import { ApiError } from '../app/api.js';
import { Dialog } from '../ui/Dialog.js';
import { downloadGlossaryCsv, readGlossary, replaceGlossary, WORKSPACE_GLOSSARY_PATH } from '../glossary/glossary-api.js';
import { GlossaryEditor, type GlossaryActions } from '../glossary/GlossaryEditor.js';

export function WorkspaceGlossaryDialog({ token, onClose }: { token: string; onClose: () => void }) {
  const [entries, setEntries] = useState<GlossaryEntry[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    readGlossary(WORKSPACE_GLOSSARY_PATH, token)
      .then(({ entries: loaded }) => live && setEntries(loaded))
      .catch((e) => live && setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [token]);
  const actions = useMemo<GlossaryActions>(
    () => ({
      save: async (list) => {
        const stored = await replaceGlossary(WORKSPACE_GLOSSARY_PATH, token, list);
        setEntries(stored);
        return stored;
      },
      importCsv: async (csv) => {
        const stored = await replaceGlossary(WORKSPACE_GLOSSARY_PATH, token, { csv });
        setEntries(stored);
        return stored;
      },
      exportCsv: () => downloadGlossaryCsv(WORKSPACE_GLOSSARY_PATH, token, 'workspace-glossary.csv'),
    }),
    [token],
  );

  return (
    <Dialog title="Workspace glossary" onClose={onClose} wide>
      <p className="dialog-lead">Terms every article must translate one way. Each article’s QA checks use them, and editors see them marked in the source.</p>
      {error && <p className="form-error" role="alert">{error}</p>}
      {!entries && !error && <p className="muted">Loading the glossary…</p>}
      {entries && <GlossaryEditor entries={entries} editable name="the workspace glossary" {...actions} />}
    </Dialog>
  );
}
