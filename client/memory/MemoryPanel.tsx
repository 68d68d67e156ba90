// The Memory panel (SPEC 18.10–18.12): the translation memory's best matches for the segment under
// the caret, fetched once the caret has settled there (never while someone types), each insertable
// with its key or its button; and the concordance below them.
import { useEffect, useMemo } from 'react';
import { useStore } from '../app/store.js';
import type { ReviewSession } from '../collab/review-session.js';
import type { EditorSlot } from '../sheet/editor-slot.js';
import { SHORTCUT } from '../sheet/shortcuts.js';
import type { ReviewDesk } from '../review/desk.js';
import { SidePanel } from '../ui/SidePanel.js';
import { followCaretSegment } from './caret-segment.js';
import { Concordance } from './Concordance.js';
import { insertMatch } from './insert-match.js';
import { MatchItem } from './MatchItem.js';
import { registerMatchKeys } from './match-keys.js';
import { MatchStore, type MatchState } from './match-store.js';
import { memoryApi } from './memory-api.js';

interface Props {
  desk: ReviewDesk;
  review: ReviewSession;
  editor: EditorSlot;
  onClose: () => void;
}

export function MemoryPanel({ desk, review, editor, onClose }: Props) {
  const api = useMemo(() => memoryApi(desk.docId, desk.token), [desk]);
  const store = useMemo(() => new MatchStore(api, review), [api, review]);
  useEffect(() => () => store.destroy(), [store]);
  useEffect(() => followCaretSegment(desk, (segmentId) => store.show(segmentId)), [desk, store]);
  const mode = useStore(desk.mode);
  const insert = useMemo(
    () => (mode === 'reading' ? undefined : (segmentId: string, target: string) => void insertMatch(desk, editor.editable(), segmentId, target)),
    [desk, editor, mode],
  );
  useEffect(() => (insert ? registerMatchKeys(desk, store, insert) : undefined), [desk, store, insert]);

  const state = useStore(store);
  const facts = useStore(review);
  const order = useStore(desk.order);
  const row = state.phase === 'none' ? 0 : order.indexOf(state.segmentId) + 1;
  const insertLabel = mode === 'suggesting' ? 'Suggest this translation' : 'Replace the segment’s text with this translation';
  return (
    <SidePanel title="Translation memory" subtitle={<Subtitle state={state} row={row} />} onClose={onClose} testId="memory-panel">
      <section className="tm-matches" aria-label="Matches" aria-busy={state.phase === 'loading'}>
        {state.phase === 'none' && <p className="tm-note muted">Put the caret in a segment to see what the memory holds for it.</p>}
        {state.phase === 'loading' && <p className="tm-note muted">Looking in the memory…</p>}
        {state.phase === 'error' && (
          <p className="tm-note tm-error" role="status">
            {state.message}{' '}
            <button type="button" className="link-button" onClick={() => store.retry()}>
              Try again
            </button>
          </p>
        )}
        {state.phase === 'ready' && state.matches.length === 0 && (
          <p className="tm-note muted" data-testid="tm-empty">
            {state.noSource ? 'This segment has no source to look up.' : 'No matches in the memory.'}
          </p>
        )}
        {state.phase === 'ready' && state.matches.length > 0 && (
          <ol className="tm-list" data-testid="tm-matches">
            {state.matches.map((match, i) => (
              <MatchItem
                key={`${match.docId}:${match.source}:${match.target}`}
                match={match}
                index={i}
                sourceLang={facts.sourceLang}
                targetLang={facts.targetLang}
                onInsert={insert && (() => insert(state.segmentId, match.target))}
                insertLabel={insertLabel}
              />
            ))}
          </ol>
        )}
      </section>
      <Concordance api={api} sourceLang={facts.sourceLang} targetLang={facts.targetLang} />
    </SidePanel>
  );
}

function Subtitle({ state, row }: { state: MatchState; row: number }) {
  if (state.phase === 'none') return <>Matches follow the caret · {SHORTCUT.memory}</>;
  const where = row > 0 ? `Segment ${row}` : 'This segment';
  if (state.phase === 'ready' && state.matches.length > 0) return <>{where} · {state.matches.length === 1 ? '1 match' : `${state.matches.length} matches`}</>;
  return <>{where}</>;
}
