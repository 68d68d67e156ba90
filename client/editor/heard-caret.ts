// A caret I have just put somewhere is where others' changes find it. The browser tells the editor
// of a new selection in a `selectionchange` event, a task of its own; a message from the server can
// run before it. The Lexical binding then applies the remote change with the caret it last heard of
// (my presence's position), and writes that caret back into the page: a click landed, and the caret
// jumped back to where it was. So before a change that is not this page's own is applied, the editor
// hears of the page's selection first, as the pending `selectionchange` would have told it; my
// presence then holds the new caret, which the binding (and collab/follow-moves.ts) keep beside its
// text.
import { $createRangeSelectionFromDom, $getSelection, $isRangeSelection, $setSelection, type LexicalEditor } from 'lexical';
import type * as Y from 'yjs';

/** The editor's update not yet committed, if any (Lexical has no public way to ask). */
const pendingUpdate = (editor: LexicalEditor): unknown => (editor as unknown as { _pendingEditorState: unknown })._pendingEditorState;

/** Whether the page's selection is in the editor and is not the one the editor holds. */
function unheardSelection(editor: LexicalEditor): boolean {
  const root = editor.getRootElement();
  if (!root || !editor.isEditable() || editor.isComposing() || pendingUpdate(editor)) return false;
  if (root.ownerDocument.activeElement !== root) return false;
  const selection = root.ownerDocument.getSelection();
  if (!selection?.anchorNode || !selection.focusNode) return false;
  if (!root.contains(selection.anchorNode) || !root.contains(selection.focusNode)) return false;
  return editor.read('latest', () => {
    const held = $getSelection();
    const shown = $createRangeSelectionFromDom(selection, editor);
    if (!shown) return false;
    return !$isRangeSelection(held) || !held.anchor.is(shown.anchor) || !held.focus.is(shown.focus);
  });
}

export function hearCaretBeforeRemoteChanges(doc: Y.Doc, editor: LexicalEditor): () => void {
  const beforeTransaction = (transaction: Y.Transaction) => {
    if (transaction.local || !unheardSelection(editor)) return;
    // Committed at once, before the change is applied: the binding writes the new caret to my
    // presence (only that: no text changed), where it reads the caret back after the change.
    editor.update(
      () => {
        const shown = $createRangeSelectionFromDom(document.getSelection(), editor);
        if (shown) $setSelection(shown);
      },
      { discrete: true },
    );
  };
  doc.on('beforeTransaction', beforeTransaction);
  return () => doc.off('beforeTransaction', beforeTransaction);
}
