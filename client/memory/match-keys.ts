// Ctrl+1…Ctrl+5 (⌘1…⌘5 on a Mac) insert the Memory panel's match 1…5 (SPEC 18.11), only while the
// caret is in the segment the panel shows matches for. Registered while the panel is open; pressed in
// the sheet they are the panel's even when there is no such match (rather than the browser's tabs).
import { IS_MAC } from '../app/platform.js';
import type { ReviewDesk } from '../review/desk.js';
import { caretSegment } from './caret-segment.js';
import type { MatchStore } from './match-store.js';

export function registerMatchKeys(desk: ReviewDesk, store: MatchStore, insert: (segmentId: string, target: string) => void): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    const modifier = IS_MAC ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
    const digit = /^Digit([1-5])$/.exec(event.code);
    if (!modifier || !digit || event.altKey || event.shiftKey) return;
    const segmentId = caretSegment(desk);
    if (!segmentId) return;
    event.preventDefault();
    event.stopPropagation();
    const state = store.get();
    const match = state.phase === 'ready' && state.segmentId === segmentId ? state.matches[Number(digit[1]) - 1] : undefined;
    if (match) insert(segmentId, match.target);
    else desk.notify(state.phase === 'loading' || (state.phase !== 'none' && state.segmentId !== segmentId) ? 'The memory’s matches for this segment are still coming.' : `No match ${digit[1]} for this segment in the memory.`);
  };
  // Capture: ahead of the editor and of the browser's own use of the keys (switching tabs).
  document.addEventListener('keydown', onKeyDown, true);
  return () => document.removeEventListener('keydown', onKeyDown, true);
}
