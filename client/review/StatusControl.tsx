// A segment's status pill, as a control: a click opens a menu of the states this person may set,
// with their shortcuts, and for editors in Editing mode what changes the segment itself: split at
// the caret, merge with the next, omit or include again (SPEC 15.9, 15.10), fill its repetitions (18.24). Viewers see the plain pill.
// The column's status buttons are one tab stop (SPEC 10.22): Tab passes the column in one step
// however long the article, ↑ ↓ Home End move between the rows' buttons, → goes to the row's
// review counts (SegmentCounts.tsx), and the button last focused is the one Tab comes back to.
import { useEffect, useRef, useState } from 'react';
import { SEGMENT_STATES, type SegmentState } from '../../shared/schema.js';
import { moveFocus, useDismiss } from '../app/popup.js';
import { useStore } from '../app/store.js';
import { StatusPill } from './StatusPill.js';
import { useDesk, type ReviewDesk } from './desk.js';
import { STATE_LABEL, maySet, setStatus, statusShortcut } from './status-keys.js';
import { MERGE_SHORTCUT, SPLIT_SHORTCUT, mergeWithNext, setOmitted, startSplit } from './structure.js';
import { selectionSpot } from './selection-spot.js';
import { fillRepetitions, repetitionsOf } from './repetitions.js';

interface StatusProps {
  segmentId: string;
  number: number;
  state: SegmentState;
}

export function StatusControl(props: StatusProps) {
  const desk = useDesk();
  if (!desk || desk.me.role === 'viewer') return <StatusPill state={props.state} />;
  return <StatusMenu desk={desk} {...props} />;
}

const ROW_KEYS = new Map<string, (row: Element) => Element | null | undefined>([
  ['ArrowDown', (row) => row.nextElementSibling],
  ['ArrowUp', (row) => row.previousElementSibling],
  ['Home', (row) => row.parentElement?.firstElementChild],
  ['End', (row) => row.parentElement?.lastElementChild],
]);

/**
 * Where `key` leads from a control of `row` in the status column: ↑ ↓ Home End to a row's status
 * button, → to the row's review counts, ← back to its status button.
 */
export function columnTarget(row: Element | null | undefined, key: string): HTMLElement | null {
  if (!row) return null;
  if (key === 'ArrowRight') return row.querySelector<HTMLElement>('.segment-counts');
  if (key === 'ArrowLeft') return row.querySelector<HTMLElement>('.status-button');
  return ROW_KEYS.get(key)?.(row)?.querySelector<HTMLElement>('.status-button') ?? null;
}

function StatusMenu({ desk, segmentId, number, state }: StatusProps & { desk: ReviewDesk }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const isStop = useStore(desk.statusStop, (stop) => (stop === null ? number === 1 : stop === segmentId));
  const restructures = useStore(desk.mode, (mode) => mode === 'editing') && desk.me.role === 'editor';
  const omitted = useStore(desk.review, (facts) => facts.omitted.has(segmentId));
  const last = useStore(desk.order, (order) => order[order.length - 1] === segmentId);
  const repeated = useStore(repetitionsOf(desk), (facts) => facts.groups.has(segmentId));

  useDismiss(open, root, setOpen);
  useEffect(() => {
    if (open) root.current?.querySelector<HTMLElement>('[role="menuitemradio"]:not([aria-disabled="true"])')?.focus();
  }, [open]);
  // A row that goes (its segment merged away) hands the tab stop back to the first row.
  useEffect(
    () => () => {
      if (desk.statusStop.get() === segmentId) desk.statusStop.set(null);
    },
    [desk, segmentId],
  );

  const choose = (next: SegmentState) => {
    setOpen(false);
    button.current?.focus();
    if (next !== state) void setStatus(desk, segmentId, next);
  };
  /** Runs a segment action from the menu, the focus back on the row's button. */
  const act = (action: () => void) => {
    setOpen(false);
    button.current?.focus();
    action();
  };
  const splitAtCaret = () => {
    const root = document.querySelector('.editor-root');
    const spot = (root && selectionSpot(root, desk.content)) ?? desk.spot.get();
    if (spot?.segmentId === segmentId) startSplit(desk, segmentId, spot.start);
    else desk.notify(`Put the caret in segment ${number}'s translation, where it should split.`, 'error');
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') (event.preventDefault(), setOpen(false), button.current?.focus());
    else if (open) moveFocus(event, root.current, '[role="menuitemradio"], [role="menuitem"]');
    else {
      const next = columnTarget(root.current?.closest('.src-row'), event.key);
      if (next) (event.preventDefault(), next.focus());
    }
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
        tabIndex={isStop ? 0 : -1}
        onFocus={() => desk.statusStop.set(segmentId)}
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
          {restructures && (
            <>
              <div className="menu-separator" role="separator" />
              <SegmentAction testId="split-segment" label="Split at the caret…" keys={SPLIT_SHORTCUT} onChoose={() => act(splitAtCaret)} />
              <SegmentAction
                testId="merge-segment"
                label="Merge with the next"
                keys={MERGE_SHORTCUT}
                disabled={last ? 'The last segment has no next one' : undefined}
                onChoose={() => act(() => void mergeWithNext(desk, segmentId))}
              />
              <SegmentAction
                testId="omit-segment"
                label={omitted ? 'Include again' : 'Omit'}
                title={omitted ? undefined : 'Keep it here, greyed, but leave it out of exports, QA and progress'}
                onChoose={() => act(() => void setOmitted(desk, segmentId, !omitted))}
              />
              {repeated && (
                <SegmentAction
                  testId="use-for-repetitions"
                  label="Use for repetitions"
                  title="Fill the drafts with the same source that nobody edited with this translation"
                  disabled={state === 'draft' ? 'Confirm this segment first' : undefined}
                  onChoose={() => act(() => void fillRepetitions(desk, segmentId))}
                />
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}

/** One of the row menu's actions on the segment itself; `disabled` says why it is not available. */
function SegmentAction(props: { testId: string; label: string; keys?: string; title?: string; disabled?: string; onChoose: () => void }) {
  const { testId, label, keys, title, disabled, onChoose } = props;
  return (
    <button
      type="button"
      role="menuitem"
      className="status-option"
      data-testid={testId}
      aria-disabled={disabled !== undefined}
      title={disabled ?? title}
      onClick={() => disabled === undefined && onChoose()}
    >
      <span className="status-option-label">{label}</span>
      {keys && <kbd>{keys}</kbd>}
    </button>
  );
}
