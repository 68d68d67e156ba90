// The review over the translation: highlights and ghosts (painter), suggest mode's keyboard and
// mouse, status, split and merge shortcuts, omitted segments greyed, and the floating selection
// bar, the composer and the split dialog. Rendered inside the sheet
// and inside the editor's composer; it renders nothing into Lexical's DOM.
import { useEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { AnchorCache } from './anchors.js';
import { useDesk } from './desk.js';
import { ReviewPainter } from './painter.js';
import { registerSuggestInput } from './suggest-input.js';
import { registerStatusKeys } from './status-keys.js';
import { registerStructureKeys } from './structure.js';
import { greyOmitted } from './omitted-look.js';
import { SplitSlot } from './SplitSlot.js';
import { SelectionBar } from './SelectionBar.js';
import { Composer } from './Composer.js';
import '../styles/review.css';
import '../styles/review-cards.css';
import '../styles/review-overlay.css';
import '../styles/review-gutter.css';
import '../styles/review-header.css';

export function ReviewLayer() {
  const desk = useDesk();
  const [editor] = useLexicalComposerContext();
  const layer = useRef<HTMLDivElement>(null);
  const ghosts = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!desk || !ghosts.current) return;
    let painter: ReviewPainter | null = null;
    const anchors = new AnchorCache(desk.content, desk.items, () => painter?.schedule());
    painter = new ReviewPainter(editor, desk, anchors, ghosts.current);
    const stops = [painter.start(), registerSuggestInput(editor, desk, anchors), registerStatusKeys(editor, desk), registerStructureKeys(editor, desk), greyOmitted(desk.review)];
    return () => {
      for (const stop of stops) stop();
      anchors.destroy();
    };
  }, [desk, editor]);

  // An editor who switches to suggesting cannot type into the text while it lasts.
  useEffect(() => {
    if (!desk || desk.me.role !== 'editor') return;
    const follow = () => {
      const suggesting = desk.mode.get() === 'suggesting';
      if (suggesting && editor.isEditable()) editor.setEditable(false);
      else if (!suggesting && !editor.isEditable() && !desk.session.state.get().closed) editor.setEditable(true);
    };
    follow();
    return desk.mode.subscribe(follow);
  }, [desk, editor]);

  const focusCard = (event: React.MouseEvent) => {
    const id = (event.target as Element).closest<HTMLElement>('[data-review-id]')?.dataset.reviewId;
    if (id && desk) desk.active.set(id);
  };

  if (!desk) return null;
  return (
    <div className="review-overlay" ref={layer}>
      <div className="review-ghosts" ref={ghosts} onClick={focusCard} aria-hidden="true" />
      <SelectionBar desk={desk} layer={layer} />
      <Composer desk={desk} layer={layer} />
      <SplitSlot desk={desk} />
    </div>
  );
}
