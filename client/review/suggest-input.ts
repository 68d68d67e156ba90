// Suggest mode's keyboard and mouse: the selection in the translation becomes the desk's spot; a
// key typed over it opens the composer and goes into it, Delete or Backspace suggests a deletion, a
// click places a caret (and focuses the card whose text was clicked). Ctrl+Alt+M comments in any
// mode. While editing, only non-collapsed selections are followed, so typing costs nothing here.
import { flushSync } from 'react-dom';
import type { LexicalEditor } from 'lexical';
import type { AnchorCache } from './anchors.js';
import type { ReviewDesk, TextSpot } from './desk.js';
import { selectionSpot, spotAtPoint } from './selection-spot.js';
import { suggestDeletion } from './actions.js';

const FIELDS = 'input, textarea, select, [contenteditable="true"]:not(.editor-root)';

/** A key that types text: a character, or the start of a composition (IME, dead key). */
function isTyping(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  return [...event.key].length === 1 || event.key === 'Process' || event.key === 'Dead' || event.key === 'Unidentified';
}

export function registerSuggestInput(editor: LexicalEditor, desk: ReviewDesk, anchors: AnchorCache): () => void {
  let frame = 0;
  const root = () => editor.getRootElement();
  const current = (): TextSpot | null => {
    const element = root();
    return element ? selectionSpot(element, desk.content) : null;
  };

  const follow = () => {
    frame = 0;
    const mode = desk.mode.get();
    if (mode === 'reading' || desk.composing.get()) return;
    const selection = document.getSelection();
    if (mode === 'editing' && (!selection || selection.isCollapsed)) return desk.spot.set(null);
    desk.spot.set(current());
  };
  const onSelectionChange = () => {
    // Typing moves a collapsed caret: while editing that needs nothing, not even a frame.
    if (desk.mode.get() === 'editing' && !desk.spot.get() && document.getSelection()?.isCollapsed !== false) return;
    if (!frame) frame = requestAnimationFrame(follow);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || (event.target instanceof Element && event.target.closest(FIELDS))) return;
    const mode = desk.mode.get();
    const commenting = (event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM';
    // Plain typing while editing is Lexical's alone: the selection is not even measured.
    if (mode === 'reading' || (mode === 'editing' && !commenting)) return;
    const spot = current();
    if (commenting) {
      if (!spot) return;
      event.preventDefault();
      desk.composing.set({ kind: 'comment', spot, whole: spot.start === spot.end, initial: '' });
      return;
    }
    if (mode !== 'suggesting' || desk.composing.get() || !spot) return;
    const selection = document.getSelection()!;
    if (event.key === 'Backspace' || event.key === 'Delete') {
      event.preventDefault();
      if (spot.start < spot.end) void suggestDeletion(desk, spot);
    } else if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      const direction = event.key === 'ArrowLeft' ? 'backward' : 'forward';
      selection.modify(event.shiftKey ? 'extend' : 'move', direction, 'character');
    } else if (event.key === 'Escape') {
      selection.removeAllRanges();
      desk.spot.set(null);
    } else if (isTyping(event)) {
      // The composer renders and takes the focus before this keystroke is done, so the key (or an
      // input method's composition) lands in its field like any typing.
      flushSync(() => desk.composing.set({ kind: 'suggest', spot, initial: '' }));
    }
  };

  // A click: a caret where it landed (read-only text keeps no caret of its own) and the card of
  // the suggestion or comment under it.
  const onPointerUp = (event: PointerEvent) => {
    const element = root();
    if (!element || event.button !== 0 || !element.contains(event.target as Node)) return;
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed) return;
    const spot = spotAtPoint(event.clientX, event.clientY, element, desk.content);
    if (!spot) return;
    const hit = anchors.at(spot.segmentId, spot.start)[0];
    desk.active.set(hit ? hit.id : null);
    if (desk.mode.get() === 'suggesting' && !desk.composing.get()) desk.spot.set(spot);
  };

  document.addEventListener('selectionchange', onSelectionChange);
  document.addEventListener('keydown', onKeyDown);
  document.addEventListener('pointerup', onPointerUp);
  const stopMode = desk.mode.subscribe(() => (desk.spot.set(null), desk.composing.set(null)));
  return () => {
    cancelAnimationFrame(frame);
    document.removeEventListener('selectionchange', onSelectionChange);
    document.removeEventListener('keydown', onKeyDown);
    document.removeEventListener('pointerup', onPointerUp);
    stopMode();
  };
}
