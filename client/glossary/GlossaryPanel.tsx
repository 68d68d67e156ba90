// The article's glossary in a side panel: editors edit it, others read it; the workspace's terms,
// which every article's checks use too, are listed below.
import { useMemo } from 'react';
import type { GlossaryEntry } from '../../shared/qa/index.js';
import { useStore } from '../app/store.js';
import { SidePanel } from '../ui/SidePanel.js';
import type { GlossaryStore } from './glossary-store.js';
import { documentGlossaryPath, downloadGlossaryCsv, replaceGlossary } from './glossary-api.js';
import { GlossaryEditor, type GlossaryActions } from './GlossaryEditor.js';
import { GlossaryRow } from './GlossaryRow.js';
import { toRows } from './glossary-draft.js';

interface Props {
  glossary: GlossaryStore;
  editable: boolean;
  sourceLang: string;
  targetLang: string;
  onClose: () => void;
}

export function GlossaryPanel({ glossary, editable, sourceLang, targetLang, onClose }: Props) {
  const { entries, workspace } = useStore(glossary);
  const actions = useMemo<GlossaryActions>(() => {
    const path = documentGlossaryPath(glossary.docId);
    const stored = (list: GlossaryEntry[]) => (glossary.stored(list), list);
    return {
      save: async (list) => stored(await replaceGlossary(path, glossary.token, list)),
      importCsv: async (csv) => stored(await replaceGlossary(path, glossary.token, { csv })),
      exportCsv: () => downloadGlossaryCsv(path, glossary.token, 'glossary.csv'),
    };
  }, [glossary]);
  const workspaceRows = useMemo(() => toRows(workspace), [workspace]);

  return (
    <SidePanel title="Glossary" subtitle={editable ? 'Agreed terms for this article' : 'Agreed terms · read only'} onClose={onClose} testId="glossary-panel">
      <GlossaryEditor entries={entries} editable={editable} sourceLang={sourceLang} targetLang={targetLang} name="this article’s glossary" {...actions} />
      {workspace.length > 0 && (
        <details className="gl-workspace">
          <summary>
            Workspace glossary <span className="gl-badge">{workspace.length}</span>
            <span className="gl-workspace-hint">shared by every article, kept by the desk’s admin</span>
          </summary>
          <ul className="gl-rows" aria-label="Workspace terms">
            {workspaceRows.slice(0, 200).map((row) => (
              <GlossaryRow key={row.key} row={row} editable={false} showProblems={false} sourceLang={sourceLang} targetLang={targetLang} onChange={noop} onDelete={noop} />
            ))}
          </ul>
        </details>
      )}
    </SidePanel>
  );
}

const noop = () => {};
