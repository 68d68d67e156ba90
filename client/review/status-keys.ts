// Segment status by keyboard: Ctrl+Alt+1…4 (⌘⌥1…4 on a Mac) set draft, translated, reviewed,
// approved on the segment holding the caret or selection. Alt+digit alone is taken by browsers on
// Linux (switch tab) and types characters on a Mac; Ctrl+Alt+digit is the convention of web
// editors (Google Docs' headings) and Lexical binds nothing to it.
import type { LexicalEditor } from 'lexical';
import { SEGMENT_STATES, type SegmentState } from '../../shared/schema.js';
import type { ReviewDesk } from './desk.js';
import { sectionOf } from './selection-spot.js';

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const statusShortcut = (state: SegmentState) => `${IS_MAC ? '⌘⌥' : 'Ctrl+Alt+'}${SEGMENT_STATES.indexOf(state) + 1}`;

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

export function registerStatusKeys(editor: LexicalEditor, desk: ReviewDesk): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    const modifier = IS_MAC ? event.metaKey : event.ctrlKey;
    const digit = /^Digit([1-4])$/.exec(event.code);
    if (!digit || !modifier || !event.altKey || event.shiftKey || desk.me.role === 'viewer') return;
    const root = editor.getRootElement();
    const segmentId = root && segmentInFocus(event, root);
    if (!segmentId) return;
    event.preventDefault();
    event.stopPropagation();
    void setStatus(desk, segmentId, SEGMENT_STATES[Number(digit[1]) - 1]);
  };
  // Capture: ahead of the editor, so Lexical never sees the keystroke.
  document.addEventListener('keydown', onKeyDown, true);
  return () => document.removeEventListener('keydown', onKeyDown, true);
}
