// Inserts an agreed translation into the translation: at the editor's caret, which Lexical keeps
// while a tooltip has the focus, or else at the end of the segment the term belongs to.
import { $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { $getSegments } from '../../shared/article.js';
import { $getSegmentId } from '../../shared/nodes/index.js';

function $insertAtSegmentEnd(text: string, segmentId: string): void {
  const segment = $getSegments().find((s) => $getSegmentId(s) === segmentId);
  if (!segment) return;
  segment.selectEnd();
  const selection = $getSelection();
  if ($isRangeSelection(selection)) selection.insertText(text);
}

export function insertTerm(editor: LexicalEditor, text: string, segmentId: string): void {
  if (!editor.isEditable()) return;
  const hasCaret = editor.getEditorState().read(() => $isRangeSelection($getSelection()));
  if (hasCaret) {
    // Focus first: the DOM selection comes back from Lexical's, then the text goes in there.
    editor.focus(() =>
      editor.update(() => {
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertText(text);
      }),
    );
    return;
  }
  editor.update(() => $insertAtSegmentEnd(text, segmentId), { onUpdate: () => editor.focus() });
}
