// When someone else's change moves text (a split, a join, a reformat, a paste: shared/moved-text.ts),
// my caret and my undo steps go with it. The caret lives, for the Lexical binding, as relative
// positions in my presence (`anchorPos`, `focusPos`), which the binding resolves right after it
// applies a remote change: they are moved before it does, and told to the others after. Undo steps
// hear every transaction first (collab/undo-steps.ts).
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { MovedText } from '../../shared/moved-text.js';
import type { UndoSteps } from './undo-steps.js';

export function followMovedText(doc: Y.Doc, awareness: Awareness, undoSteps: () => UndoSteps | null): () => void {
  let caretMoved = false;

  const beforeObservers = (transaction: Y.Transaction) => {
    const moved = MovedText.of(transaction);
    undoSteps()?.see(transaction, moved);
    if (transaction.local || !moved) return;
    const state = awareness.getLocalState();
    for (const field of ['anchorPos', 'focusPos'] as const) {
      const position = state?.[field] as Y.RelativePosition | null | undefined;
      const followed = position ? moved.followCaret(position) : null;
      if (!state || !followed) continue;
      // Read by the binding in this very transaction's observers; told to the others below.
      state[field] = followed;
      caretMoved = true;
    }
  };

  const afterTransaction = () => {
    if (!caretMoved) return;
    caretMoved = false;
    const state = awareness.getLocalState();
    if (state) awareness.setLocalState({ ...state });
  };

  doc.on('beforeObserverCalls', beforeObservers);
  doc.on('afterTransaction', afterTransaction);
  return () => {
    doc.off('beforeObserverCalls', beforeObservers);
    doc.off('afterTransaction', afterTransaction);
  };
}
