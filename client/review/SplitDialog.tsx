// Where the source splits when an editor splits a segment at the caret (SPEC 15.10): the
// translation's two halves as they will be, and the source with a caret the editor places — by a
// click before a word or with ← →, offered at the sentence boundary matching the translation's —
// or the source kept whole with the first half. Enter splits, Esc cancels.
import { useEffect, useMemo, useRef, useState } from 'react';
import { findSegment, mapSegment } from '../../shared/review/text-map.js';
import { Dialog } from '../ui/Dialog.js';
import type { ReviewDesk } from './desk.js';
import { matchingPoint, splitPoints } from './split-point.js';
import { split } from './structure.js';

/** The open dialog, in a chunk of its own: SplitSlot.tsx opens it. */
export function SplitForm({ desk, segmentId, at }: { desk: ReviewDesk; segmentId: string; at: number }) {
  const facts = desk.review.get();
  const source = facts.sources.get(segmentId) ?? '';
  const type = findSegment(desk.content, segmentId);
  const target = type ? mapSegment(type).text : '';
  const points = useMemo(() => splitPoints(source, facts.sourceLang), [source, facts.sourceLang]);
  const offered = useMemo(() => matchingPoint(source, facts.sourceLang, target, facts.targetLang, at), [source, target, at, facts]);
  const [sourceAt, setSourceAt] = useState<number | null>(offered);
  const number = desk.order.get().indexOf(segmentId) + 1;
  const close = () => desk.splitting.set(null);
  const submit = useRef<HTMLButtonElement>(null);
  // Split is where Enter goes: focused once the dialog has opened (it focuses its first control).
  useEffect(() => {
    const frame = requestAnimationFrame(() => submit.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  const move = (step: number) => {
    if (points.length === 0) return;
    const index = sourceAt === null ? (step > 0 ? -1 : points.length) : points.indexOf(sourceAt);
    setSourceAt(points[Math.min(Math.max(index + step, 0), points.length - 1)]);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') (event.preventDefault(), move(event.key === 'ArrowRight' ? 1 : -1));
    else if (event.key === 'Enter') (event.preventDefault(), submit.current?.click());
  };
  // The source in pieces, each starting at a split point, so a click before a word puts the caret there.
  const starts = [0, ...points];
  const pieces = starts.map((start, i) => ({ start, text: source.slice(start, starts[i + 1] ?? source.length) }));

  return (
    <Dialog title={`Split segment ${number}`} onClose={close} wide>
      <form
        className="split-form"
        data-testid="split-dialog"
        onSubmit={(event) => (event.preventDefault(), void split(desk, segmentId, at, sourceAt ?? undefined))}
      >
        <p className="dialog-lead">The translation splits at the caret. Choose where its source splits.</p>
        <div className="split-label">Translation</div>
        <div className="split-target" lang={facts.targetLang || undefined} aria-label="Translation">
          <span>{target.slice(0, at)}</span>
          <span className="split-caret" aria-hidden="true" />
          <span>{target.slice(at)}</span>
        </div>
        <div className="split-label">Source · click before a word, or ← →</div>
        <div
          className={sourceAt === null ? 'split-source whole' : 'split-source'}
          lang={facts.sourceLang || undefined}
          role="group"
          aria-label="Source: click before the word where it splits, or move the caret with ← →"
          tabIndex={0}
          data-testid="split-source"
          data-source-at={sourceAt ?? ''}
          onKeyDown={onKeyDown}
        >
          {pieces.map(({ start, text }) => (
            <span key={start} className="split-piece" data-start={start} onClick={() => start > 0 && setSourceAt(start)}>
              {start === sourceAt && <span className="split-caret" aria-hidden="true" />}
              {text}
            </span>
          ))}
        </div>
        <label className="split-whole">
          <input type="checkbox" checked={sourceAt === null} onChange={(event) => setSourceAt(event.target.checked ? null : (offered ?? points[0] ?? null))} />
          Keep the source whole, with the first half
        </label>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button ref={submit} type="submit" className="button primary">
            Split
          </button>
        </div>
      </form>
    </Dialog>
  );
}
