// Export: the translation as a file for publishing (txt, md, html, docx) or exchange (XLIFF, JSON).
// The file is fetched first; when the server announces unresolved work (open suggestions or
// threads, QA errors), the page asks before saving it. Editors also add the article's confirmed
// segments to the translation memory from here (SPEC 18.35).
import { useEffect, useRef, useState } from 'react';
import type { ExportFormat } from '../../shared/schema.js';
import { api, ApiError, exportHref } from '../app/api.js';
import { memoryFillNote } from '../app/memory-fill.js';
import { moveFocus, useDismiss } from '../app/popup.js';
import { saveBlob } from '../app/download.js';
import { fetchExport, hasUnresolved, type FetchedExport } from './export-file.js';
import { UnresolvedDialog } from './UnresolvedDialog.js';
import { ChevronDownIcon } from '../ui/icons.js';

interface Format {
  format: ExportFormat;
  label: string;
  hint: string;
}

const GROUPS: Array<{ title: string; formats: Format[] }> = [
  {
    title: 'Publish',
    formats: [
      { format: 'txt', label: 'Plain text', hint: '.txt' },
      { format: 'md', label: 'Markdown', hint: '.md' },
      { format: 'html', label: 'HTML', hint: '.html' },
      { format: 'docx', label: 'Word', hint: '.docx' },
    ],
  },
  {
    title: 'Exchange',
    formats: [
      { format: 'xliff', label: 'XLIFF 2.0', hint: '.xlf' },
      { format: 'json', label: 'JSON', hint: '.json' },
    ],
  },
];

export function ExportMenu({ docId, token, fillsMemory }: { docId: string; token: string; fillsMemory: boolean }) {
  const [open, setOpen] = useState(false);
  /** What the button says while an action runs. */
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [pending, setPending] = useState<FetchedExport | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useDismiss(open, root, setOpen);
  useEffect(() => {
    if (open) root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      setOpen(false);
      button.current?.focus();
    } else moveFocus(event, root.current, '[role="menuitem"]');
  };

  const run = async (doing: string, failed: string, work: () => Promise<void>) => {
    setOpen(false);
    setBusy(doing);
    setError('');
    setDone('');
    try {
      await work();
    } catch (e) {
      setError(`${failed}: ${e instanceof ApiError ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  };
  const exportAs = (format: ExportFormat) =>
    run('Exporting…', 'Export failed', async () => {
      const file = await fetchExport(docId, format, token);
      if (hasUnresolved(file.unresolved)) setPending(file);
      else saveBlob(file.blob, file.name);
    });
  const addToMemory = () => run('Adding…', 'Adding to the memory failed', async () => setDone(memoryFillNote(await api.fillMemory(token, docId))));

  return (
    <div className="menu-root" ref={root} onKeyDown={onKeyDown}>
      <button ref={button} type="button" className="button" aria-haspopup="menu" aria-expanded={open} aria-busy={busy !== null} onClick={() => setOpen(!open)}>
        {busy ?? 'Export'} <ChevronDownIcon />
      </button>
      {open && (
        <div className="menu" role="menu" aria-label="Export as">
          {GROUPS.map((group) => (
            <div key={group.title} role="group" aria-label={group.title}>
              <div className="menu-title" aria-hidden="true">
                {group.title}
              </div>
              {group.formats.map(({ format, label, hint }) => (
                <a
                  key={format}
                  role="menuitem"
                  className="menu-item"
                  href={exportHref(docId, format, token)}
                  download
                  onClick={(event) => {
                    event.preventDefault();
                    void exportAs(format);
                  }}
                >
                  <span>{label}</span>
                  <span className="menu-hint">{hint}</span>
                </a>
              ))}
            </div>
          ))}
          {fillsMemory && (
            <div role="group" aria-label="Translation memory">
              <div className="menu-title" aria-hidden="true">
                Translation memory
              </div>
              <button type="button" role="menuitem" className="menu-item" onClick={() => void addToMemory()}>
                Add to memory
              </button>
            </div>
          )}
        </div>
      )}
      {error && (
        <div className="menu-error" role="alert">
          {error}
        </div>
      )}
      {done && (
        <div className="menu-error menu-done" role="status">
          {done}{' '}
          <button type="button" className="link-button" onClick={() => setDone('')}>
            OK
          </button>
        </div>
      )}
      {pending && (
        <UnresolvedDialog
          file={pending}
          onClose={() => (setPending(null), button.current?.focus())}
          onExport={() => {
            saveBlob(pending.blob, pending.name);
            setPending(null);
          }}
        />
      )}
    </div>
  );
}
