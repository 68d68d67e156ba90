// The small bar over a selection in the translation. Suggesting: suggest an edit, a deletion, or
// comment (for a caret: insert, or comment on the paragraph). Editing: only a comment button, at
// the row's right edge, out of the way of the text.
import type { RefObject } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useStore } from '../app/store.js';
import type { ReviewDesk } from './desk.js';
import { spotBox } from './geometry.js';
import { suggestDeletion } from './actions.js';
import { CommentIcon, EraseIcon, InsertIcon, PenIcon } from '../ui/icons.js';

const keep = (event: React.MouseEvent) => event.preventDefault(); // keep the selection

export function SelectionBar({ desk, layer }: { desk: ReviewDesk; layer: RefObject<HTMLDivElement | null> }) {
  const [editor] = useLexicalComposerContext();
  const spot = useStore(desk.spot);
  const mode = useStore(desk.mode);
  const composing = useStore(desk.composing);
  if (!spot || composing || mode === 'reading') return null;
  const box = spotBox(editor.getRootElement(), spot, layer.current);
  if (!box) return null;
  const caret = spot.start === spot.end;
  const comment = () => desk.composing.set({ kind: 'comment', spot, whole: caret, initial: '' });

  if (mode === 'editing') {
    return (
      <div className="selection-bar side" style={{ left: box.rowRight - 46, top: box.top - 4 }} onMouseDown={keep}>
        <button type="button" className="bar-button icon-only" onClick={comment} title="Comment (Ctrl+Alt+M)" aria-label="Comment">
          <CommentIcon />
        </button>
      </div>
    );
  }
  const above = box.top > 52;
  return (
    <div
      className={above ? 'selection-bar' : 'selection-bar below'}
      style={{ left: Math.max(8, box.left - 8), top: above ? box.top - 44 : box.bottom + 8 }}
      onMouseDown={keep}
      role="toolbar"
      aria-label="Suggest"
      data-testid="selection-bar"
    >
      {caret ? (
        <button type="button" className="bar-button" onClick={() => desk.composing.set({ kind: 'suggest', spot, initial: '' })}>
          <InsertIcon /> Insert text
        </button>
      ) : (
        <>
          <button type="button" className="bar-button" onClick={() => desk.composing.set({ kind: 'suggest', spot, initial: '' })} title="Or just start typing">
            <PenIcon /> Suggest edit
          </button>
          <button type="button" className="bar-button" onClick={() => void suggestDeletion(desk, spot)} title="Or press Delete">
            <EraseIcon /> Delete
          </button>
        </>
      )}
      <span className="bar-sep" aria-hidden="true" />
      <button type="button" className="bar-button" onClick={comment} title="Ctrl+Alt+M">
        <CommentIcon /> {caret ? 'Comment on paragraph' : 'Comment'}
      </button>
    </div>
  );
}
