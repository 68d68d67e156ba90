// Review actions that more than one control starts: each focuses what it made and clears the
// selection it was made from.
import { sameSpot, type Composing, type ReviewDesk, type TextSpot } from './desk.js';
import { selectionSpot } from './selection-spot.js';

/** Clears the selection the item was made from, unless the person has moved on meanwhile (read
 *  from the page's selection itself: the desk's spot follows it a frame later). */
function settle(desk: ReviewDesk, spot: TextSpot, id: string): void {
  const root = document.querySelector('.editor-root');
  const now = root ? selectionSpot(root, desk.content) : null;
  if (!now || sameSpot(now, spot)) {
    document.getSelection()?.removeAllRanges();
    desk.spot.set(null);
  }
  desk.active.set(id);
}

export async function suggestDeletion(desk: ReviewDesk, spot: TextSpot): Promise<void> {
  const made = await desk.run(() => desk.api.suggest(spot, ''));
  if (made) settle(desk, spot, made.id);
}

/** Sends what the composer holds; true when the server took it. */
export async function submitComposer(desk: ReviewDesk, composing: Composing, text: string, note: string): Promise<boolean> {
  const { spot } = composing;
  const made =
    composing.kind === 'comment'
      ? await desk.run(() => desk.api.comment(composing.whole ? { segmentId: spot.segmentId } : spot, text))
      : await desk.run(() => desk.api.suggest(spot, text, note.trim() || undefined));
  if (!made) return false;
  desk.composing.set(null);
  settle(desk, spot, made.id);
  return true;
}
