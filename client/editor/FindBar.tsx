// Find and replace in the translation (Ctrl+H, ⌘⇧H on a Mac, or the toolbar): every match is marked
// (CSS Custom Highlight API, nothing in Lexical's DOM), Enter and Shift+Enter step through them,
// Replace changes the current one and Replace all every one, in one update that one undo takes back.
// Editors only, in Editing mode: a reviewer's or a suggesting editor's changes are suggestions.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $setSelection, SKIP_SCROLL_INTO_VIEW_TAG } from 'lexical';
import { $findText, $replaceMatches, type TextMatch } from '../../shared/find-replace.js';
import { IS_MAC } from '../app/platform.js';
import { useStore } from '../app/store.js';
import { ValueStore } from '../review/value-store.js';
import { useDesk, type Mode } from '../review/desk.js';
import { domRange, highlightsSupported, segmentElement } from './dom-ranges.js';
import { scrollToSegment } from './scroll-to-segment.js';

/** Whether the bar is open; the toolbar's button and the shortcut set it. */
export const findOpen = new ValueStore(false);

export const FIND_SHORTCUT = IS_MAC ? '⇧⌘H' : 'Ctrl+H';
const isFindKey = (e: KeyboardEvent) => e.key.toLowerCase() === 'h' && !e.altKey && (IS_MAC ? e.metaKey && e.shiftKey : e.ctrlKey && !e.shiftKey);

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

export function FindShortcut() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isFindKey(event)) return;
      event.preventDefault();
      findOpen.set(true);
      // Open already: take the focus back to the field.
      document.querySelector<HTMLInputElement>('.find-bar input')?.select();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, []);
  return null;
}

export function FindBar() {
  const open = useStore(findOpen);
  return open ? <OpenFindBar /> : null;
}

function OpenFindBar() {
  const [editor] = useLexicalComposerContext();
  const desk = useDesk();
  const suggesting = useStore(desk?.mode ?? EDITING) === 'suggesting';
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [matches, setMatches] = useState<TextMatch[]>([]);
  const [current, setCurrent] = useState(0);
  /** Whether the current match was brought on screen: the first Enter shows it, the next ones move on. */
  const [shown, setShown] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);

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

  const show = (at: number) => {
    if (matches.length === 0) return;
    const next = (at + matches.length) % matches.length;
    setCurrent(next);
    setShown(true);
    const root = editor.getRootElement();
    const section = root && segmentElement(root, matches[next].segmentId);
    if (section) scrollToSegment(section);
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
    setMatches(find());
    setDone(all ? `Replaced ${count} ${count === 1 ? 'match' : 'matches'}` : null);
  };

  const close = () => findOpen.set(false);
  const canReplace = editor.isEditable() && !suggesting;
  const status = query === '' ? '' : matches.length === 0 ? 'No matches' : `${index + 1} of ${matches.length}`;
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      editor.focus();
    }
  };

  return (
    <div className="find-anchor">
      <div className="find-bar" role="search" aria-label="Find and replace" onKeyDown={onKeyDown}>
        <div className="find-row">
          <input
            ref={field}
            type="search"
            aria-label="Find"
            placeholder="Find"
            value={query}
            onChange={(e) => (setQuery(e.target.value), setCurrent(0), setShown(false), setDone(null))}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              show(shown ? index + (e.shiftKey ? -1 : 1) : index);
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
            <input type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} /> Match case
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
