// Find and replace in the translation (Ctrl+H, ⌘⇧H on a Mac, or the toolbar): every match is marked
// (CSS Custom Highlight API, nothing in Lexical's DOM), the first is brought on screen as the search
// is typed, Enter and Shift+Enter step through them, Replace changes the current one and Replace all
// every one, in one update that one undo takes back. The focus stays in the bar until Escape.
// Editors only, in Editing mode: a reviewer's or a suggesting editor's changes are suggestions.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $setSelection, SKIP_SCROLL_INTO_VIEW_TAG } from 'lexical';
import { $findText, $replaceMatches, type TextMatch } from '../../shared/find-replace.js';
import { ValueStore, useStore } from '../app/store.js';
import { useDesk, type Mode } from '../review/desk.js';
import { domRange, highlightsSupported, segmentElement } from '../sheet/dom-ranges.js';
import { scrollToSegment } from '../sheet/scroll-to-segment.js';
import { findOpen } from './find-open.js';

/** A page without the review desk edits directly. */
const EDITING = new ValueStore<Mode>('editing');

/** Highlights beyond this many would cost every keystroke (Chromium re-lays each range). */
const MARKED_AT_MOST = 300;

function mark(root: HTMLElement | null, matches: readonly TextMatch[], current: number): void {
  if (!highlightsSupported()) return;
  const ranges = (list: readonly TextMatch[]) =>
    list.flatMap((m) => {
      const section = root && segmentElement(root, m.segmentId);
      const range = section && domRange(section, m.start, m.end);
      return range ? [range] : [];
    });
  CSS.highlights.set('find-match', new Highlight(...ranges(matches.slice(0, MARKED_AT_MOST))));
  CSS.highlights.set('find-current', new Highlight(...ranges(matches[current] ? [matches[current]] : [])));
}

function unmark(): void {
  if (!highlightsSupported()) return;
  CSS.highlights.delete('find-match');
  CSS.highlights.delete('find-current');
}

/** The open bar, in a chunk of its own: FindShortcut.tsx opens it. */
export function OpenFindBar() {
  const [editor] = useLexicalComposerContext();
  const desk = useDesk();
  const suggesting = useStore(desk?.mode ?? EDITING) === 'suggesting';
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [matches, setMatches] = useState<TextMatch[]>([]);
  const [current, setCurrent] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  /** The search changed: its current match is to be brought on screen once found. */
  const searched = useRef(false);

  const find = useCallback(() => editor.getEditorState().read(() => $findText(query, matchCase)), [editor, query, matchCase]);

  // Found again whenever the text changes (anyone's typing), at most every 150 ms.
  useEffect(() => {
    setMatches(find());
    let timer = 0;
    const stop = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      clearTimeout(timer);
      timer = window.setTimeout(() => setMatches(find()), 150);
    });
    return () => (stop(), clearTimeout(timer));
  }, [editor, find]);

  const index = matches.length === 0 ? 0 : Math.min(current, matches.length - 1);
  useEffect(() => mark(editor.getRootElement(), matches, index), [editor, matches, index]);
  useEffect(() => unmark, []);
  useEffect(() => field.current?.focus(), []);

  /** Scrolls to a match's row; when `unlessOnScreen`, only if the match is not already in view. */
  const reveal = (match: TextMatch | undefined, unlessOnScreen: boolean) => {
    const root = editor.getRootElement();
    const section = match && root && segmentElement(root, match.segmentId);
    if (!section) return;
    const box = unlessOnScreen ? domRange(section, match.start, match.end)?.getBoundingClientRect() : undefined;
    // The bar hangs from the bottom of the sheet's head: what is above it is covered.
    const top = bar.current?.parentElement?.getBoundingClientRect().top ?? 0;
    if (box && box.height > 0 && box.top >= top && box.bottom <= innerHeight) return;
    scrollToSegment(section);
  };

  useEffect(() => {
    if (!searched.current) return;
    searched.current = false;
    reveal(matches[index], true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [matches]);

  const show = (at: number) => {
    if (matches.length === 0) return;
    const next = (at + matches.length) % matches.length;
    setCurrent(next);
    reveal(matches[next], false);
  };

  const replace = (all: boolean) => {
    let count = 0;
    editor.update(
      () => {
        const found = $findText(query, matchCase);
        const chosen = all ? found : found.filter((m) => m.segmentId === matches[index]?.segmentId && m.start === matches[index]?.start);
        count = $replaceMatches(chosen, replacement);
        $setSelection(null);
      },
      { tag: SKIP_SCROLL_INTO_VIEW_TAG, discrete: true },
    );
    const left = find();
    setMatches(left);
    setDone(all ? `Replaced ${count} ${count === 1 ? 'match' : 'matches'}` : null);
    // The button pressed is about to be disabled, which would drop the focus out of the bar.
    if (left.length === 0) field.current?.focus();
  };

  const close = () => {
    findOpen.set(false);
    editor.focus();
  };
  const canReplace = editor.isEditable() && !suggesting;
  const status = query === '' ? '' : matches.length === 0 ? 'No matches' : `${index + 1} of ${matches.length}`;
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="find-anchor">
      {/* Focusable, so a click on its background keeps the focus (and Escape) in the bar. */}
      <div ref={bar} className="find-bar" role="search" aria-label="Find and replace" tabIndex={-1} onKeyDown={onKeyDown}>
        <div className="find-row">
          <input
            ref={field}
            type="search"
            aria-label="Find"
            placeholder="Find"
            value={query}
            onChange={(e) => ((searched.current = true), setQuery(e.target.value), setCurrent(0), setDone(null))}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              show(index + (e.shiftKey ? -1 : 1));
            }}
          />
          <span className="find-count" aria-live="polite" data-testid="find-count">
            {done ?? status}
          </span>
          <button type="button" className="tool" aria-label="Previous match" disabled={matches.length === 0} onClick={() => show(index - 1)}>
            ↑
          </button>
          <button type="button" className="tool" aria-label="Next match" disabled={matches.length === 0} onClick={() => show(index + 1)}>
            ↓
          </button>
          <button type="button" className="tool find-close" aria-label="Close find and replace" onClick={close}>
            ×
          </button>
        </div>
        <div className="find-row">
          <input
            type="text"
            aria-label="Replace with"
            placeholder="Replace with"
            value={replacement}
            disabled={!canReplace}
            onChange={(e) => (setReplacement(e.target.value), setDone(null))}
          />
          <label className="find-case">
            <input type="checkbox" checked={matchCase} onChange={(e) => ((searched.current = true), setMatchCase(e.target.checked))} /> Match case
          </label>
        </div>
        <div className="find-row find-actions">
          {suggesting && <span className="muted">Switch to Editing to replace.</span>}
          <button type="button" className="button" disabled={!canReplace || matches.length === 0} onClick={() => replace(false)}>
            Replace
          </button>
          <button type="button" className="button primary" disabled={!canReplace || matches.length === 0} onClick={() => replace(true)}>
            Replace all
          </button>
        </div>
      </div>
    </div>
  );
}
