// The floating form that turns a selection into a suggestion (replacement, insertion, deletion)
// or a comment. Enter sends, Escape cancels; the note is optional.
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { findSegment, mapSegment } from '../../shared/review/text-map.js';
import { domRange, segmentElement } from '../sheet/dom-ranges.js';
import { useStore } from '../app/store.js';
import type { Composing, ReviewDesk } from './desk.js';
import { spotBox } from './geometry.js';
import { submitComposer } from './actions.js';
import { authorColor } from './highlight-styles.js';

const WIDTH = 340;

export function Composer({ desk, layer }: { desk: ReviewDesk; layer: RefObject<HTMLDivElement | null> }) {
  const composing = useStore(desk.composing);
  if (!composing) return null;
  return <ComposerForm desk={desk} composing={composing} layer={layer} />;
}

function title(composing: Composing, text: string): string {
  if (composing.kind === 'comment') return composing.whole ? 'Comment on this paragraph' : 'Comment';
  if (composing.spot.start === composing.spot.end) return 'Suggest an insertion';
  return text === '' ? 'Suggest deleting' : 'Suggest a replacement';
}

function ComposerForm({ desk, composing, layer }: { desk: ReviewDesk; composing: Composing; layer: RefObject<HTMLDivElement | null> }) {
  const [editor] = useLexicalComposerContext();
  const [text, setText] = useState(composing.initial);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const { spot } = composing;
  const isComment = composing.kind === 'comment';
  const box = useMemo(() => spotBox(editor.getRootElement(), spot, layer.current), [editor, spot, layer]);
  const quote = useMemo(() => {
    const type = findSegment(desk.content, spot.segmentId);
    return type ? mapSegment(type).text.slice(spot.start, spot.end) : '';
  }, [desk, spot]);

  const cancel = () => {
    desk.composing.set(null);
    const root = editor.getRootElement();
    const section = root && segmentElement(root, spot.segmentId);
    const range = section && domRange(section, spot.start, spot.end);
    if (range) document.getSelection()?.removeAllRanges(), document.getSelection()?.addRange(range);
  };

  useEffect(() => {
    const away = (event: PointerEvent) => {
      if (form.current?.contains(event.target as Node)) return;
      if (!form.current?.querySelector<HTMLTextAreaElement>('textarea')?.value.trim()) desk.composing.set(null);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [desk]);

  const empty = isComment ? !text.trim() : spot.start === spot.end && text === '';
  const submit = async (event?: React.FormEvent) => {
    event?.preventDefault();
    if (busy || empty) return;
    setBusy(true);
    if (!(await submitComposer(desk, composing, text, note))) setBusy(false);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') (event.preventDefault(), cancel());
    else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) (event.preventDefault(), void submit());
  };

  const width = layer.current?.parentElement?.clientWidth ?? 800; // the sheet's (the layer has no size)
  const left = Math.max(8, Math.min((box?.left ?? 40) - 12, width - WIDTH - 8));
  const heading = title(composing, text);
  return (
    <form
      ref={form}
      className="composer"
      style={{ left, top: (box?.bottom ?? 0) + 10, width: WIDTH, '--author': authorColor(desk.me.name).color } as React.CSSProperties}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      aria-label={heading}
      data-testid="composer"
    >
      <div className="composer-head">
        <span className="composer-dot" aria-hidden="true" />
        <strong>{heading}</strong>
      </div>
      {quote && !composing.whole && <div className={isComment ? 'composer-quote' : 'composer-quote struck'}>{quote}</div>}
      <textarea
        autoFocus
        className="composer-field"
        rows={isComment ? 2 : 1}
        value={text}
        placeholder={isComment ? 'Add a comment' : spot.start === spot.end ? 'Text to insert' : 'Replacement (leave empty to delete)'}
        aria-label={isComment ? 'Comment' : 'Suggested text'}
        onChange={(e) => setText(isComment ? e.target.value : e.target.value.replace(/\n/g, ' '))}
      />
      {!isComment && (
        <input className="composer-note" value={note} placeholder="Note for the editor (optional)" aria-label="Note" onChange={(e) => setNote(e.target.value)} />
      )}
      <div className="composer-foot">
        <span className="composer-hint">Enter to send · Esc to cancel</span>
        <button type="button" className="button small" onClick={cancel}>
          Cancel
        </button>
        <button type="submit" className="button small primary" disabled={busy || empty}>
          {isComment ? 'Comment' : 'Suggest'}
        </button>
      </div>
    </form>
  );
}
