// What keeps co-editing unsurprising for an editor: a caret I just put somewhere is heard before
// others' changes are applied (heard-caret.ts), my caret and my undo steps follow my text when
// others' changes move it (collab/follow-moves.ts), and Ctrl+Z / Ctrl+Y take back exactly my newest
// step, or say that there is nothing left of it to take back (collab/undo-steps.ts).
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_HIGH, REDO_COMMAND, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import type { UndoManager } from 'yjs';
import type { ContentSession } from '../collab/content-session.js';
import { followMovedText } from '../collab/follow-moves.js';
import { UndoSteps } from '../collab/undo-steps.js';
import { useDesk } from '../review/desk.js';
import { hearCaretBeforeRemoteChanges } from './heard-caret.js';

/** Where the collaboration plugin publishes its undo manager on the editor. */
const UNDO_MANAGER = Symbol.for('@lexical/yjs/UndoManager');

const GONE = {
  undo: 'Nothing to undo there: others have already changed what your last edit did.',
  redo: 'Nothing to redo there: others have already changed that text.',
};

export function undoManagerOf(editor: LexicalEditor): UndoManager | null {
  return (editor as unknown as Record<symbol, UndoManager | undefined>)[UNDO_MANAGER] ?? null;
}

export function CoEditing({ content }: { content: ContentSession }) {
  const [editor] = useLexicalComposerContext();
  const desk = useDesk();

  useEffect(() => {
    // The collaboration plugin makes its undo manager once it is bound: steps wrap it when it appears.
    let steps: UndoSteps | null = null;
    const undoSteps = () => {
      const manager = undoManagerOf(editor);
      if (manager && steps?.manager !== manager) {
        steps?.destroy();
        steps = new UndoSteps(manager);
      }
      return steps;
    };
    const take = (kind: 'undo' | 'redo') => {
      const result = undoSteps()?.take(kind);
      if (result === 'gone') desk?.notify(GONE[kind]);
      return result !== undefined;
    };
    return mergeRegister(
      hearCaretBeforeRemoteChanges(content.doc, editor),
      followMovedText(content.doc, content.provider.awareness, undoSteps),
      editor.registerCommand(UNDO_COMMAND, () => take('undo'), COMMAND_PRIORITY_HIGH),
      editor.registerCommand(REDO_COMMAND, () => take('redo'), COMMAND_PRIORITY_HIGH),
      () => steps?.destroy(),
    );
  }, [content, editor, desk]);

  return null;
}
