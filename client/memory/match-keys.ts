// Ctrl+1…Ctrl+5 (⌘1…⌘5 on a Mac) insert the Memory panel's match 1…5 (SPEC 18.11), only while the
// caret is in the segment the panel shows matches for. Registered while the panel is open.
import { IS_MAC } from '../app/platform.js';
import type { ReviewDesk } from '../review/desk.js';
import { caretSegment } from './caret-segment.js';
import type { MatchStore } from './match-store.js';

export function registerMatchKeys(desk: ReviewDesk, store: MatchStore, insert: (segmentId: string, target: string) => void): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    const modifier = IS_MAC ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
    const digit = /^Digit([1-5])$/.exec(event.code);
    if (!modifier || !digit || event.altKey || event.shiftKey) return;
    const state = store.get();
    if (state.phase !== 'ready' || caretSegment(desk) !== state.segmentId) return;
    const match = state.matches[Number(digit[1]) - 1];
    if (!match) return;
    event.preventDefault();
    event.stopPropagation();
    insert(state.segmentId, match.target);
  };
  // Capture: ahead of the editor and of the browser's own use of the keys (switching tabs).
  document.addEventListener('keydown', onKeyDown, true);
  return () => document.removeEventListener('keydown', onKeyDown, true);
}
