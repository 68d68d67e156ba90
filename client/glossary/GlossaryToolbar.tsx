// Above a glossary: search, Add term, Import CSV (asking first when it would replace terms) and
// Export CSV.
import { useRef, useState } from 'react';

interface Props {
  editable: boolean;
  busy: boolean;
  query: string;
  count: number;
  name: string;
  /** How many stored terms an import would replace. */
  replaces: number;
  onQuery: (query: string) => void;
  onAdd: () => void;
  onImport: (csv: string, fileName: string) => Promise<void>;
  onExport: () => void;
}

export function GlossaryToolbar({ editable, busy, query, count, name, replaces, onQuery, onAdd, onImport, onExport }: Props) {
  const picker = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<{ csv: string; fileName: string } | null>(null);

  const take = async (file: File | undefined) => {
    if (picker.current) picker.current.value = '';
    if (!file) return;
    const chosen = { csv: await file.text(), fileName: file.name };
    if (replaces > 0) setPending(chosen);
    else await onImport(chosen.csv, chosen.fileName);
  };

  return (
    <div className="gl-toolbar">
      <div className="gl-tools">
        {count > 6 && (
          <input className="text-input gl-search" type="search" placeholder={`Search ${count} terms`} aria-label="Search terms" value={query} onChange={(e) => onQuery(e.target.value)} />
        )}
        {editable && (
          <button type="button" className="button small primary" onClick={onAdd} disabled={busy}>
            + Add term
          </button>
        )}
        <span className="gl-spacer" />
        {editable && (
          <button type="button" className="button small" onClick={() => picker.current?.click()} disabled={busy}>
            Import CSV
          </button>
        )}
        <button type="button" className="button small" onClick={onExport} disabled={busy || count === 0}>
          Export CSV
        </button>
        <input ref={picker} type="file" accept=".csv,text/csv" hidden aria-label={`CSV file for ${name}`} onChange={(e) => void take(e.target.files?.[0])} />
      </div>
      {pending && (
        <div className="gl-confirm" role="alertdialog" aria-label="Replace terms?">
          <span>
            Replace the {replaces} {replaces === 1 ? 'term' : 'terms'} of {name} with those of <strong>{pending.fileName}</strong>?
          </span>
          <button type="button" className="button small" onClick={() => setPending(null)}>
            Cancel
          </button>
          <button type="button" className="button small primary" onClick={() => (setPending(null), void onImport(pending.csv, pending.fileName))}>
            Replace
          </button>
        </div>
      )}
    </div>
  );
}
