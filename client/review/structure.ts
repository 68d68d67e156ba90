// Omitting, splitting and merging segments from the desk (SPEC 15.9, 15.10; editors in Editing
// mode): each goes to the HTTP API and comes back to every page through the rooms. Keys as in CAT
// tools (memoQ's T and J), with Alt+Shift (⌥⇧ on a Mac; sheet/shortcuts.ts): Ctrl+T and
// Ctrl+Shift+T belong to the browser (new tab, reopen a tab), Ctrl+J to its downloads, Ctrl+Alt+T to
// Linux desktops' terminal.
import type { LexicalEditor } from 'lexical';
import { isGraphemeBoundary } from '../../shared/graphemes.js';
import { findSegment, mapSegment } from '../../shared/review/text-map.js';
import { SHORTCUT } from '../sheet/shortcuts.js';
import type { ReviewDesk } from './desk.js';
import { selectionSpot } from './selection-spot.js';

export const SPLIT_SHORTCUT = SHORTCUT.split;
export const MERGE_SHORTCUT = SHORTCUT.merge;

/** May this person change the article's segments now? Editors, in Editing mode. */
export const mayRestructure = (desk: ReviewDesk) => desk.me.role === 'editor' && desk.mode.get() === 'editing';

export async function setOmitted(desk: ReviewDesk, segmentId: string, omitted: boolean): Promise<void> {
  await desk.run(() => desk.api.setOmitted(segmentId, omitted), omitted ? 'Segment omitted: left out of exports and QA.' : 'Segment included again.');
}

/** The segment's plain text now, or null when it is gone. */
const textOf = (desk: ReviewDesk, segmentId: string) => {
  const type = findSegment(desk.content, segmentId);
  return type ? mapSegment(type).text : null;
};

/**
 * Starts a split of the segment at `at`: with a source to split, the dialog (SplitDialog.tsx) asks
 * where; without one the split happens at once.
 */
export function startSplit(desk: ReviewDesk, segmentId: string, at: number): void {
  const text = textOf(desk, segmentId);
  if (text === null) return;
  while (at > 0 && !isGraphemeBoundary(text, at)) at--;
  if (desk.review.get().sources.get(segmentId)) return desk.splitting.set({ segmentId, at });
  // Without a source each half needs some translation.
  if (text.slice(0, at).trim() === '' || text.slice(at).trim() === '') desk.notify('Put the caret inside the text, where the segment should split.', 'error');
  else void split(desk, segmentId, at);
}

export async function split(desk: ReviewDesk, segmentId: string, at: number, sourceAt?: number): Promise<void> {
  desk.splitting.set(null);
  await desk.run(() => desk.api.split(segmentId, at, sourceAt), 'Segment split.');
}

export async function mergeWithNext(desk: ReviewDesk, segmentId: string): Promise<void> {
  const order = desk.order.get();
  if (order.indexOf(segmentId) === order.length - 1) return void desk.notify('The last segment has no next segment to merge with.', 'error');
  await desk.run(() => desk.api.merge(segmentId), 'Segments merged.');
}

/** The caret's segment and offset in the editor, if it is in one. */
export function caretSpot(editor: LexicalEditor, desk: ReviewDesk) {
  const root = editor.getRootElement();
  return (root && selectionSpot(root, desk.content)) ?? desk.spot.get();
}

export function registerStructureKeys(editor: LexicalEditor, desk: ReviewDesk): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
    if (event.code !== 'KeyT' && event.code !== 'KeyJ') return;
    const root = editor.getRootElement();
    if (!root || !(event.target instanceof Node) || !root.contains(event.target)) return;
    event.preventDefault();
    event.stopPropagation();
    if (!mayRestructure(desk)) return void desk.notify('Editors split and merge segments, in Editing mode.', 'error');
    const spot = caretSpot(editor, desk);
    if (!spot) return;
    if (event.code === 'KeyT') startSplit(desk, spot.segmentId, spot.start);
    else void mergeWithNext(desk, spot.segmentId);
  };
  // Capture: ahead of the editor, so Lexical never types the character a Mac makes of ⌥⇧T.
  document.addEventListener('keydown', onKeyDown, true);
  return () => document.removeEventListener('keydown', onKeyDown, true);
}
