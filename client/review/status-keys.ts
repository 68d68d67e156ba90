// Segment status by keyboard: Ctrl+Alt+1…4 (⌘⌥1…4 on a Mac) set draft, translated, reviewed,
// approved on the segment holding the caret or selection. Alt+digit alone is taken by browsers on
// Linux (switch tab) and types characters on a Mac; Ctrl+Alt+digit is the convention of web
// editors (Google Docs' headings) and Lexical binds nothing to it. Ctrl+Enter (⌘Enter) confirms
// the segment and goes on to the next, as in translation tools: an editor's becomes translated, a
// reviewer's reviewed, never lowering a status it already passed.
import type { LexicalEditor } from 'lexical';
import { SEGMENT_STATES, type SegmentState } from '../../shared/schema.js';
import { IS_MAC } from '../app/platform.js';
import type { ReviewDesk } from './desk.js';
import { sectionOf } from './selection-spot.js';
import { segmentElement } from '../sheet/dom-ranges.js';

export const statusShortcut = (state: SegmentState) => `${IS_MAC ? '⌘⌥' : 'Ctrl+Alt+'}${SEGMENT_STATES.indexOf(state) + 1}`;
export const CONFIRM_SHORTCUT = IS_MAC ? '⌘Enter' : 'Ctrl+Enter';

export const STATE_LABEL: Record<SegmentState, string> = { draft: 'Draft', translated: 'Translated', reviewed: 'Reviewed', approved: 'Approved' };

/** May this person set this state? Reviewers only mark reviewed; viewers nothing. */
export function maySet(desk: ReviewDesk, state: SegmentState): boolean {
  return desk.me.role === 'editor' || (desk.me.role === 'reviewer' && state === 'reviewed');
}

export async function setStatus(desk: ReviewDesk, segmentId: string, state: SegmentState): Promise<void> {
  if (!maySet(desk, state)) {
    desk.notify(desk.me.role === 'reviewer' ? 'As a reviewer you can mark a segment reviewed.' : 'Viewers cannot change statuses.', 'error');
    return;
  }
  await desk.run(() => desk.api.setStatus(segmentId, state));
}

function segmentInFocus(event: KeyboardEvent, root: HTMLElement): string | null {
  const row = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-source-for]') : null;
  if (row) return row.dataset.sourceFor ?? null;
  const selection = document.getSelection();
  return sectionOf(selection?.anchorNode ?? null, root)?.dataset.segmentId ?? null;
}

/** What Ctrl+Enter makes of a segment in `state` for this person; null when it stays as it is. */
function confirmedState(desk: ReviewDesk, state: SegmentState): SegmentState | null {
  const target = desk.me.role === 'editor' ? 'translated' : desk.me.role === 'reviewer' ? 'reviewed' : null;
  return target && SEGMENT_STATES.indexOf(state) < SEGMENT_STATES.indexOf(target) ? target : null;
}

/** Puts the caret at the start of `section`'s text, on screen. */
function caretToStart(root: HTMLElement, section: HTMLElement): void {
  const first = document.createTreeWalker(section, NodeFilter.SHOW_TEXT).nextNode();
  root.focus({ preventScroll: true });
  document.getSelection()?.collapse(first ?? section.querySelector('p') ?? section, 0);
  section.scrollIntoView({ block: 'nearest' });
}

export function registerStatusKeys(editor: LexicalEditor, desk: ReviewDesk): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    const modifier = IS_MAC ? event.metaKey : event.ctrlKey;
    if (!modifier || event.shiftKey || desk.me.role === 'viewer') return;
    const digit = /^Digit([1-4])$/.exec(event.code);
    const confirm = event.key === 'Enter' && !event.altKey;
    if (!(digit && event.altKey) && !confirm) return;
    const root = editor.getRootElement();
    // Ctrl+Enter in a field of its own (a suggestion's composer, a form) is that field's.
    if (confirm && !(event.target === document.body || (event.target instanceof Element && (root?.contains(event.target) || event.target.closest('[data-source-for]'))))) return;
    const segmentId = root && segmentInFocus(event, root);
    if (!root || !segmentId) return;
    event.preventDefault();
    event.stopPropagation();
    if (digit) return void setStatus(desk, segmentId, SEGMENT_STATES[Number(digit[1]) - 1]);
    const next = confirmedState(desk, desk.review.get().statuses.get(segmentId)?.state ?? 'draft');
    if (next) void setStatus(desk, segmentId, next);
    const following = segmentElement(root, segmentId)?.nextElementSibling;
    if (following instanceof HTMLElement) caretToStart(root, following);
  };
  // Capture: ahead of the editor, so Lexical never sees the keystroke.
  document.addEventListener('keydown', onKeyDown, true);
  return () => document.removeEventListener('keydown', onKeyDown, true);
}
