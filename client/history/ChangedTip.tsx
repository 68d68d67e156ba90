// "Last changed by Omar, 5 minutes ago" (SPEC 16.14): on hover of a row's number, and while a
// control of the row's gutter has the focus. Read from the review room's `changed` map, which the
// server keeps and every page already syncs: nothing is fetched, nothing runs per keystroke, and
// the tip is as fresh as the room when it is shown.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { ReviewRoom } from '../../shared/schema.js';
import type { ReviewSession } from '../collab/review-session.js';
import { timeAgo } from '../app/time.js';
import { exactTime } from './VersionTime.js';

const TIP_ID = 'changed-tip';

interface Change {
  by: string | null;
  at: number;
}

interface Shown {
  segmentId: string;
  anchor: HTMLElement;
  /** The focused control that the tip describes, if it came by the keyboard. */
  described: HTMLElement | null;
}

export function changedLine(change: Change | undefined, now = Date.now()): string {
  if (!change) return 'Not changed since the import';
  return `Last changed by ${change.by ?? 'the server'}, ${timeAgo(change.at, now)}`;
}

const rowOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>('[data-source-for]') : null);

export function ChangedTip({ review }: { review: ReviewSession }) {
  const [shown, setShown] = useState<Shown | null>(null);
  useEffect(() => {
    const show = (row: HTMLElement, described: HTMLElement | null) => {
      const anchor = row.querySelector<HTMLElement>('.src-number');
      const segmentId = row.dataset.sourceFor;
      if (anchor && segmentId) setShown({ segmentId, anchor, described });
    };
    const over = (e: PointerEvent) => {
      const number = e.target instanceof Element && e.target.closest('.src-number');
      const row = number && rowOf(number);
      if (row) show(row, null);
    };
    const out = (e: PointerEvent) => {
      const number = e.target instanceof Element && e.target.closest('.src-number');
      if (number && !(e.relatedTarget instanceof Node && number.contains(e.relatedTarget))) setShown((s) => (s?.described ? s : null));
    };
    const focusIn = (e: FocusEvent) => {
      const control = e.target instanceof HTMLElement && e.target.closest('.src-gutter') ? e.target : null;
      const row = control && rowOf(control);
      if (row) show(row, control);
      else setShown(null);
    };
    const hide = () => setShown(null);
    document.addEventListener('pointerover', over);
    document.addEventListener('pointerout', out);
    document.addEventListener('focusin', focusIn);
    document.addEventListener('scroll', hide, true);
    return () => {
      document.removeEventListener('pointerover', over);
      document.removeEventListener('pointerout', out);
      document.removeEventListener('focusin', focusIn);
      document.removeEventListener('scroll', hide, true);
    };
  }, []);

  // The focused control is described by the tip while it shows (its own attribute otherwise unset).
  useEffect(() => {
    const control = shown?.described;
    if (!control || control.hasAttribute('aria-describedby')) return;
    control.setAttribute('aria-describedby', TIP_ID);
    return () => control.removeAttribute('aria-describedby');
  }, [shown]);

  if (!shown) return null;
  const change = review.doc.getMap<Change>(ReviewRoom.changed).get(shown.segmentId);
  return <Tip anchor={shown.anchor} line={changedLine(change)} exact={change ? exactTime(change.at) : null} />;
}

function Tip({ anchor, line, exact }: { anchor: HTMLElement; line: string; exact: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const tip = ref.current;
    if (!tip) return;
    // Beside the gutter, over the start of the source: the row's number and status stay in sight.
    const box = anchor.getBoundingClientRect();
    const gutter = anchor.closest('.src-gutter')?.getBoundingClientRect() ?? box;
    const left = Math.max(8, Math.min(gutter.right + 6, window.innerWidth - tip.offsetWidth - 8));
    const top = Math.max(8, Math.min(box.top - 4, window.innerHeight - tip.offsetHeight - 8));
    setPosition({ left, top });
  }, [anchor, line]);
  return createPortal(
    <div ref={ref} id={TIP_ID} className="changed-tip" role="tooltip" data-testid="changed-tip" style={position ?? { visibility: 'hidden' }}>
      <span>{line}</span>
      {exact && <span className="changed-tip-exact">{exact}</span>}
    </div>,
    document.body,
  );
}
