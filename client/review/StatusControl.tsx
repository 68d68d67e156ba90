// A segment's status pill, as a control: a click opens a menu of the states this person may set,
// with their shortcuts. Viewers see the plain pill.
import { useEffect, useRef, useState } from 'react';
import { SEGMENT_STATES, type SegmentState } from '../../shared/schema.js';
import { moveFocus, useDismiss } from '../app/popup.js';
import { StatusPill } from '../editor/StatusPill.js';
import { useDesk } from './desk.js';
import { STATE_LABEL, maySet, setStatus, statusShortcut } from './status-keys.js';

export function StatusControl({ segmentId, number, state }: { segmentId: string; number: number; state: SegmentState }) {
  const desk = useDesk();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useDismiss(open, root, setOpen);
  useEffect(() => {
    if (open) root.current?.querySelector<HTMLElement>('[role="menuitemradio"]:not([aria-disabled="true"])')?.focus();
  }, [open]);

  if (!desk || desk.me.role === 'viewer') return <StatusPill state={state} />;

  const choose = (next: SegmentState) => {
    setOpen(false);
    button.current?.focus();
    if (next !== state) void setStatus(desk, segmentId, next);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') (event.preventDefault(), setOpen(false), button.current?.focus());
    else moveFocus(event, root.current, '[role="menuitemradio"]');
  };

  return (
    <div className="status-control" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="status-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Status of segment ${number}: ${STATE_LABEL[state]}. Change`}
        data-testid="status-button"
        onClick={() => setOpen(!open)}
      >
        <StatusPill state={state} />
      </button>
      {open && (
        <div className="status-menu" role="menu" aria-label={`Status of segment ${number}`}>
          {SEGMENT_STATES.map((option) => {
            const allowed = maySet(desk, option);
            return (
              <button
                key={option}
                type="button"
                role="menuitemradio"
                aria-checked={option === state}
                aria-disabled={!allowed}
                className="status-option"
                title={allowed ? undefined : 'Reviewers can mark a segment reviewed'}
                onClick={() => allowed && choose(option)}
              >
                <span className={`status-dot status-${option}`} aria-hidden="true" />
                <span className="status-option-label">{STATE_LABEL[option]}</span>
                <kbd>{statusShortcut(option)}</kbd>
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
