// Inserting a match into its segment (SPEC 18.11): in Editing mode the segment's text becomes the
// match's as one ordinary edit of the article's editor (one undo step, live for everyone); in
// Suggesting mode it becomes a suggestion to replace the segment's text, as typing there would.
import { $isElementNode, $isRangeSelection, $setSelection, type LexicalEditor } from 'lexical';
import { $getSegments } from '../../shared/article.js';
import { $getSegmentId } from '../../shared/nodes/index.js';
import { findSegment, mapSegment } from '../../shared/review/text-map.js';
import type { ReviewDesk } from '../review/desk.js';
import { undoManagerOf } from '../editor/CoEditing.js';

/** Replaces a segment's whole text with `text` (a "\n" as a line break); false when it is gone. */
export function $replaceSegmentText(segmentId: string, text: string): boolean {
  const segment = $getSegments().find((s) => $getSegmentId(s) === segmentId);
  const first = segment?.getFirstChild();
  const last = segment?.getLastChild();
  if (!$isElementNode(first) || !$isElementNode(last)) return false;
  // Read at once: selecting again moves the points of the selection it reuses.
  const { key, offset, type } = first.selectStart().anchor;
  const selection = last.selectEnd();
  if (!$isRangeSelection(selection)) return false;
  selection.anchor.set(key, offset, type);
  $setSelection(selection);
  if (text.includes('\n')) selection.insertRawText(text);
  else selection.insertText(text);
  return true;
}

export async function insertMatch(desk: ReviewDesk, editor: LexicalEditor | null, segmentId: string, text: string): Promise<void> {
  const mode = desk.mode.get();
  const type = findSegment(desk.content, segmentId);
  if (!type) return desk.notify('That segment is gone.', 'error');
  const now = mapSegment(type).text;
  if (now === text) return desk.notify('The segment already holds this translation.');
  if (mode === 'editing' && editor) {
    // A step of its own: not merged with typing just before or after it (Yjs joins changes 500 ms apart).
    undoManagerOf(editor)?.stopCapturing();
    editor.update(() => void $replaceSegmentText(segmentId, text), { discrete: true });
    undoManagerOf(editor)?.stopCapturing();
    editor.focus();
  } else if (mode === 'suggesting') {
    await desk.run(() => desk.api.suggest({ segmentId, start: 0, end: now.length }, text), 'Suggested the match as this segment’s translation.');
  } else desk.notify('Viewers cannot insert matches.', 'error');
}
