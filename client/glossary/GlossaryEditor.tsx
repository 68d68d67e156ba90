// A glossary's terms to read or, for those allowed, to edit: add, change and delete rows, then
// Save (which replaces the glossary); import and export CSV. Used for an article's glossary (side
// panel) and the workspace's (the admin's home page).
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { GlossaryEntry } from '../../shared/qa/index.js';
import { ApiError } from '../app/api.js';
import { emptyRow, isIncomplete, matches, sameEntries, toEntries, toRows, type DraftRow } from './glossary-draft.js';
import { GlossaryRow } from './GlossaryRow.js';
import { GlossaryToolbar } from './GlossaryToolbar.js';

export interface GlossaryActions {
  save: (entries: GlossaryEntry[]) => Promise<GlossaryEntry[]>;
  importCsv: (csv: string) => Promise<GlossaryEntry[]>;
  exportCsv: () => Promise<void>;
}

interface Props extends GlossaryActions {
  entries: readonly GlossaryEntry[];
  editable: boolean;
  sourceLang?: string;
  targetLang?: string;
  /** "this article's glossary", "the workspace glossary". */
  name: string;
}

const SHOWN = 200;
const message = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

export function GlossaryEditor({ entries, editable, sourceLang, targetLang, name, save, importCsv, exportCsv }: Props) {
  const [rows, setRows] = useState<DraftRow[]>(() => toRows(entries));
  const [query, setQuery] = useState('');
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  // The row "+ Add term" just made: its source field takes the focus, so typing lands in it.
  const [added, setAdded] = useState<number | null>(null);
  const draft = useMemo(() => toEntries(rows), [rows]);
  const dirty = !sameEntries(draft, entries);
  const incomplete = rows.filter(isIncomplete).length;

  // Someone else saved (or the first load came): follow, unless there are edits here.
  useEffect(() => {
    if (!dirty) setRows((current) => (sameEntries(toEntries(current), entries) ? current : toRows(entries)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entries]);

  const change = useCallback((key: number, part: Partial<DraftRow>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...part } : r))), []);
  const remove = useCallback((key: number) => setRows((all) => all.filter((r) => r.key !== key)), []);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setNote(null);
    try {
      setNote({ kind: 'ok', text: await work() });
    } catch (e) {
      setNote({ kind: 'error', text: message(e) });
    } finally {
      setBusy(false);
    }
  };

  const onSave = () => {
    setTried(true);
    if (incomplete > 0) return setNote({ kind: 'error', text: `${incomplete === 1 ? 'A term needs' : `${incomplete} terms need`} both a source term and its translation.` });
    void act(async () => {
      const stored = await save(draft);
      setRows(toRows(stored));
      setTried(false);
      return `Saved ${stored.length} ${stored.length === 1 ? 'term' : 'terms'}.`;
    });
  };

  const onImport = (csv: string, fileName: string) =>
    act(async () => {
      const stored = await importCsv(csv);
      setRows(toRows(stored));
      return `Imported ${stored.length} ${stored.length === 1 ? 'term' : 'terms'} from ${fileName}.`;
    });

  const visible = rows.filter((r) => matches(r, query));
  return (
    <div className="glossary-editor">
      <GlossaryToolbar
        editable={editable}
        busy={busy}
        query={query}
        count={entries.length}
        name={name}
        replaces={entries.length}
        onQuery={setQuery}
        onAdd={() => {
          const row = emptyRow();
          setQuery('');
          setAdded(row.key);
          setRows((all) => [row, ...all]);
        }}
        onImport={onImport}
        onExport={() => void act(async () => (await exportCsv(), 'Exported as CSV.'))}
      />
      {rows.length === 0 ? (
        <p className="gl-empty">{editable ? 'No terms yet. Add the names and terms this desk must translate one way, or import a CSV file.' : 'No terms yet.'}</p>
      ) : (
        <ul className={editable ? 'gl-rows editable' : 'gl-rows'} aria-label={`Terms of ${name}`}>
          {visible.slice(0, SHOWN).map((row) => (
            <GlossaryRow key={row.key} row={row} editable={editable} takesFocus={row.key === added} showProblems={tried} sourceLang={sourceLang} targetLang={targetLang} onChange={change} onDelete={remove} />
          ))}
        </ul>
      )}
      {visible.length > SHOWN && <p className="gl-more">Showing {SHOWN} of {visible.length} terms — search to find the others.</p>}
      {rows.length > 0 && visible.length === 0 && <p className="gl-more">No term matches “{query}”.</p>}
      {(editable || note) && (
        <div className="gl-foot">
          <span className={note?.kind === 'error' ? 'gl-status error' : 'gl-status'} role="status">
            {note?.text ?? (dirty ? 'Unsaved changes' : `${entries.length} ${entries.length === 1 ? 'term' : 'terms'}`)}
          </span>
          {editable && (
            <>
              <button type="button" className="button small" disabled={!dirty || busy} onClick={() => (setRows(toRows(entries)), setTried(false), setNote(null))}>
                Discard
              </button>
              <button type="button" className="button small primary" disabled={!dirty || busy} onClick={onSave}>
                {busy ? 'Saving…' : 'Save'}
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
