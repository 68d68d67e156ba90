// The Memory panel's concordance (SPEC 18.12): a word or phrase, typed in its field or sent by the
// shortcut from a selection, searched in the memory in either language; each unit with the hits
// marked, in the API's order (approved first, then reviewed, translated, newest first in each).
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../app/api.js';
import { useStore } from '../app/store.js';
import { SHORTCUT } from '../sheet/shortcuts.js';
import { VersionTime } from '../history/VersionTime.js';
import { concordanceQuery } from './concordance-query.js';
import { hitRuns } from './hit-runs.js';
import type { ConcordanceUnit, Hit, MemoryApi } from './memory-api.js';

const TYPING_PAUSE_MS = 300;

type Found = { phase: 'idle' } | { phase: 'loading' } | { phase: 'ready'; query: string; units: ConcordanceUnit[] } | { phase: 'error'; message: string };

/** The request the field last took the focus for, so reopening the panel does not take it again. */
let focusedFor = 0;

function Marked({ text, hits, lang }: { text: string; hits: Hit[]; lang: string }) {
  return (
    <span lang={lang || undefined}>
      {hitRuns(text, hits).map((run, i) => (run.hit ? <mark key={i} className="tm-hit">{run.text}</mark> : <span key={i}>{run.text}</span>))}
    </span>
  );
}

export function Concordance({ api, sourceLang, targetLang }: { api: MemoryApi; sourceLang: string; targetLang: string }) {
  const asked = useStore(concordanceQuery);
  const [text, setText] = useState(asked.text);
  const [query, setQuery] = useState(asked.text);
  const [found, setFound] = useState<Found>({ phase: 'idle' });
  const field = useRef<HTMLInputElement>(null);

  // The shortcut: its selection searched at once, or the field focused.
  useEffect(() => {
    setText(asked.text);
    setQuery(asked.text);
    if (!asked.text && asked.asked > focusedFor) {
      focusedFor = asked.asked;
      field.current?.focus();
    }
  }, [asked]);

  // Typing: searched once the person pauses, and kept for when the panel opens again.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setQuery(text.trim());
      const kept = concordanceQuery.get();
      if (kept.text !== text) concordanceQuery.set({ text, asked: kept.asked });
    }, TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    if (!query || !sourceLang || !targetLang) return setFound({ phase: 'idle' });
    const controller = new AbortController();
    setFound({ phase: 'loading' });
    api.search(query, sourceLang, targetLang, controller.signal).then(
      (units) => controller.signal.aborted || setFound({ phase: 'ready', query, units }),
      (error: unknown) => controller.signal.aborted || setFound({ phase: 'error', message: error instanceof ApiError ? error.message : 'The memory could not be searched.' }),
    );
    return () => controller.abort();
  }, [api, query, sourceLang, targetLang]);

  return (
    <section className="tm-concordance" aria-label="Concordance">
      <h3 className="tm-heading">Concordance</h3>
      <form role="search" onSubmit={(e) => (e.preventDefault(), setQuery(text.trim()))}>
        <input
          ref={field}
          type="search"
          className="text-input tm-field"
          value={text}
          onChange={(e) => setText(e.target.value)}
          // Escape empties a field that holds something; an empty one lets it close the panel.
          onKeyDown={(e) => e.key === 'Escape' && text !== '' && (e.preventDefault(), setText(''))}
          placeholder="Search the memory, either language"
          aria-label="Search the translation memory"
          title={`Select text and press ${SHORTCUT.concordance} to search for it`}
          maxLength={500}
          data-testid="concordance-field"
        />
      </form>
      {found.phase === 'loading' && <p className="tm-note muted">Searching…</p>}
      {found.phase === 'error' && (
        <p className="tm-note tm-error" role="status">
          {found.message}
        </p>
      )}
      {found.phase === 'ready' && found.units.length === 0 && <p className="tm-note muted">Nothing in the memory holds “{found.query}”.</p>}
      {found.phase === 'ready' && found.units.length > 0 && (
        <ol className="tm-units" aria-label={`Units holding “${found.query}”`} data-testid="concordance-list">
          {found.units.map((unit) => (
            <li key={unit.id} className="tm-unit" data-testid="concordance-unit">
              <div className="tm-source">
                <Marked text={unit.source} hits={unit.hits.source} lang={sourceLang} />
              </div>
              <div className="tm-target">
                <Marked text={unit.target} hits={unit.hits.target} lang={targetLang} />
              </div>
              <div className="tm-meta">
                {unit.confirmedBy && <span>{unit.confirmedBy}</span>}
                <VersionTime at={unit.confirmedAt} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
