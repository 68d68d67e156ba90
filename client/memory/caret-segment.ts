// The segment under the caret, for the Memory panel, once the caret has stayed there a moment
// (SPEC 18.10). A selection change only notes that something moved; a timer looks again later and
// reads the selection only when nothing moved since its last look, so a keystroke costs one
// assignment and typing fetches nothing.
import type { ReviewDesk } from '../review/desk.js';
import { sectionOf } from '../review/selection-spot.js';

const SETTLE_MS = 250;

/** The segment of the caret or selection in the sheet (the translation or a source row); a reviewer's
 *  clicked spot; null when the selection is elsewhere (in the panel itself, say). */
export function caretSegment(desk: ReviewDesk): string | null {
  const anchor = document.getSelection()?.anchorNode ?? null;
  const element = anchor instanceof Element ? anchor : (anchor?.parentElement ?? null);
  const sourceRow = element?.closest<HTMLElement>('[data-source-for]');
  if (sourceRow) return sourceRow.dataset.sourceFor ?? null;
  const root = document.querySelector('.editor-root');
  return (root && sectionOf(anchor, root)?.dataset.segmentId) || (desk.spot.get()?.segmentId ?? null);
}

/** Calls `settled` with the caret's segment now, and whenever the caret has come to rest in one. */
export function followCaretSegment(desk: ReviewDesk, settled: (segmentId: string) => void): () => void {
  let moved = false;
  let timer = 0;
  const look = () => {
    if (moved) {
      moved = false;
      timer = window.setTimeout(look, SETTLE_MS);
      return;
    }
    timer = 0;
    const segmentId = caretSegment(desk);
    if (segmentId) settled(segmentId);
  };
  const onMove = () => {
    moved = true;
    if (!timer) timer = window.setTimeout(look, SETTLE_MS);
  };
  look();
  document.addEventListener('selectionchange', onMove);
  const stopSpot = desk.spot.subscribe(onMove);
  return () => {
    window.clearTimeout(timer);
    document.removeEventListener('selectionchange', onMove);
    stopSpot();
  };
}
