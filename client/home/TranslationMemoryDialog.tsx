// The translation memory, for the admin from the desk's home (SPEC 18.34): how many units each
// language pair holds, importing a TMX or XLIFF file, and exporting a pair as TMX.
import '../styles/memory-dialog.css';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../app/api.js';
import { languageName } from '../app/languages.js';
import { Dialog } from '../ui/Dialog.js';
import { ArrowRightIcon } from '../ui/icons.js';
import { FileDrop } from './FileDrop.js';
import { downloadMemoryTmx, importMemoryFile, memoryPairs, type MemoryPair } from './memory-exchange.js';
import { timeAgo } from '../app/time.js';

const MEMORY_FILES = ['.tmx', '.xlf', '.xliff', '.xml'];
const message = (e: unknown) => (e instanceof ApiError ? e.message : String(e));
const count = (n: number) => n.toLocaleString('en');

export function TranslationMemoryDialog({ token, onClose }: { token: string; onClose: () => void }) {
  const [pairs, setPairs] = useState<MemoryPair[] | null>(null);
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(
    () => memoryPairs(token).then(setPairs, (e: unknown) => setNote({ kind: 'error', text: `The memory could not be read: ${message(e)}` })),
    [token],
  );
  useEffect(() => void load(), [load]);

  const importFile = async (file: File) => {
    setBusy(true);
    setNote(null);
    try {
      const { added, updated, skipped } = await importMemoryFile(token, await file.text());
      const left = skipped > 0 ? `; ${count(skipped)} skipped (no translation, or not yet translated)` : '';
      setNote({ kind: 'ok', text: `Imported ${file.name}: ${count(added)} added, ${count(updated)} updated${left}.` });
      await load();
    } catch (e) {
      setNote({ kind: 'error', text: `${file.name} was not imported: ${message(e)}. Nothing of it was added.` });
    } finally {
      setBusy(false);
    }
  };

  const exportPair = async (pair: MemoryPair) => {
    setNote(null);
    try {
      await downloadMemoryTmx(token, pair);
    } catch (e) {
      setNote({ kind: 'error', text: `Export failed: ${message(e)}` });
    }
  };

  return (
    <Dialog title="Translation memory" onClose={onClose}>
      <p className="dialog-lead">
        Every confirmed segment is kept here and offered to translators as they work. Bring in what other tools translated, or take a language pair to them as TMX.
      </p>
      <h3 className="memory-heading">Language pairs</h3>
      {pairs === null && !note && <p className="muted">Loading the memory…</p>}
      {pairs?.length === 0 && <p className="memory-empty">The memory is empty. It fills as segments are confirmed in articles, or from a TMX or XLIFF file.</p>}
      {pairs && pairs.length > 0 && (
        <ul className="memory-pairs" aria-label="Language pairs in the memory">
          {pairs.map((pair) => {
            const name = `${languageName(pair.sourceLang)} to ${languageName(pair.targetLang)}`;
            return (
              <li key={`${pair.sourceLang}>${pair.targetLang}`} className="memory-pair" data-testid="memory-pair">
                <span className="lang-pair" aria-label={name}>
                  <span className="lang">{pair.sourceLang.toUpperCase()}</span>
                  <ArrowRightIcon size={12} />
                  <span className="lang">{pair.targetLang.toUpperCase()}</span>
                </span>
                <span className="memory-pair-facts">
                  <strong data-testid="memory-units">{`${count(pair.units)} ${pair.units === 1 ? 'unit' : 'units'}`}</strong>
                  <span className="muted">newest confirmed {timeAgo(pair.lastConfirmedAt)}</span>
                </span>
                <button type="button" className="button small" aria-label={`Export ${name} as TMX`} onClick={() => void exportPair(pair)}>
                  Export TMX
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <h3 className="memory-heading">Import</h3>
      <FileDrop extensions={MEMORY_FILES} what="a TMX or XLIFF file" busy={busy} onFile={(file) => void importFile(file)} onRefused={(text) => setNote({ kind: 'error', text })} />
      <p className="memory-hint muted">TMX 1.4b from any CAT tool, or XLIFF 2.0 or 1.2 (its translated, reviewed and final units). A file with an error is refused whole.</p>
      {note && (
        <p className={note.kind === 'error' ? 'memory-note error' : 'memory-note'} role={note.kind === 'error' ? 'alert' : 'status'}>
          {note.text}
        </p>
      )}
    </Dialog>
  );
}
