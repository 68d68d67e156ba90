// The tooltip of a glossary term in the source column: the agreed translation, its note and
// forbidden variants, and (for editors) Insert, which puts it at the caret in the translation.
import { useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import type { GlossaryEntry } from '../../shared/qa/index.js';
import { TERM_TIP_ID, termTip, type TipState } from './tip-store.js';

interface Props {
  targetLang: string;
  canInsert: boolean;
  isOwn: (entry: GlossaryEntry) => boolean;
  onInsert: (entry: GlossaryEntry, segmentId: string) => void;
}

function place(anchor: HTMLElement, tip: HTMLElement): { left: number; top: number } {
  const box = anchor.getBoundingClientRect();
  const width = tip.offsetWidth;
  const height = tip.offsetHeight;
  const left = Math.max(8, Math.min(box.left, window.innerWidth - width - 8));
  const below = box.bottom + 6;
  const top = below + height > window.innerHeight - 8 && box.top - height - 6 > 8 ? box.top - height - 6 : below;
  return { left, top };
}

export function GlossaryTip({ targetLang, canInsert, isOwn, onInsert }: Props) {
  const state = useSyncExternalStore(termTip.subscribe, termTip.get);
  return state ? <Tip state={state} targetLang={targetLang} canInsert={canInsert} isOwn={isOwn} onInsert={onInsert} /> : null;
}

function Tip({ state, targetLang, canInsert, isOwn, onInsert }: Props & { state: TipState }) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);
  const { entry, anchor, segmentId } = state;

  useLayoutEffect(() => {
    const update = () => {
      if (!anchor.isConnected) return termTip.hide();
      if (ref.current) setPosition(place(anchor, ref.current));
    };
    update();
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
    };
  }, [anchor, entry]);

  return createPortal(
    <div
      ref={ref}
      id={TERM_TIP_ID}
      className="term-tip"
      role="tooltip"
      data-testid="term-tip"
      style={position ? { left: position.left, top: position.top } : { visibility: 'hidden' }}
      onMouseEnter={() => termTip.keep()}
      onMouseLeave={() => termTip.hideSoon()}
    >
      <div className="term-tip-head">
        <span className="term-tip-source">{entry.source}</span>
        <span className="term-tip-scope">{isOwn(entry) ? 'This article' : 'Workspace'}</span>
      </div>
      <div className="term-tip-target">
        <span lang={targetLang || undefined}>{entry.target}</span>
        {canInsert && (
          <button
            type="button"
            className="button small primary"
            onMouseDown={(e) => e.preventDefault() /* keep the editor's caret and focus */}
            onClick={() => {
              termTip.hide();
              onInsert(entry, segmentId);
            }}
          >
            Insert
          </button>
        )}
      </div>
      {entry.forbidden && entry.forbidden.length > 0 && (
        <div className="term-tip-row">
          <span className="term-tip-label">Not</span>
          <span className="term-tip-forbidden" lang={targetLang || undefined}>
            {entry.forbidden.map((variant) => (
              <s key={variant}>{variant}</s>
            ))}
          </span>
        </div>
      )}
      {entry.note && (
        <div className="term-tip-row">
          <span className="term-tip-label">Note</span>
          <span>{entry.note}</span>
        </div>
      )}
    </div>,
    document.body,
  );
}
