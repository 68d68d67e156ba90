// A segment's open suggestions and comment threads, as small counts in its row's number cell; a
// click brings up its first card. Beside a status button they are no tab stop of their own: → on
// the status reaches them, ← ↑ ↓ Home End lead back to the status column (SPEC 10.22).
import { plural } from '../app/plural.js';
import { useSyncExternalStore } from 'react';
import { useDesk, type ReviewDesk } from './desk.js';
import { CommentIcon, PenIcon } from '../ui/icons.js';
import { columnTarget } from './StatusControl.js';

const NONE = '0/0';

function useCounts(desk: ReviewDesk | null, segmentId: string): [number, number] {
  const key = useSyncExternalStore(desk?.items.subscribe ?? noop, () => {
    const items = desk?.items.get().bySegment.get(segmentId);
    return items ? `${items.openSuggestions}/${items.openThreads}` : NONE;
  });
  const [s, t] = key.split('/').map(Number);
  return [s, t];
}

const noop = () => () => {};

export function SegmentCounts({ segmentId }: { segmentId: string }) {
  const desk = useDesk();
  const [suggestions, threads] = useCounts(desk, segmentId);
  if (!desk || suggestions + threads === 0) return null;
  const reveal = () => {
    const items = desk.items.get().bySegment.get(segmentId);
    const first = items?.suggestions[0] ?? items?.threads.find((t) => !t.resolved);
    if (!first) return;
    desk.marginOpen.set('open');
    desk.active.set(first.id);
    document.querySelector(`[data-review-id="${CSS.escape(first.id)}"].card`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };
  // Viewers have no status buttons: for them the counts are the column's stops.
  const besideStatus = desk.me.role !== 'viewer';
  const onKeyDown = (event: React.KeyboardEvent<HTMLButtonElement>) => {
    const next = columnTarget(event.currentTarget.closest('.src-row'), event.key);
    if (next) (event.preventDefault(), next.focus());
  };
  const label = [suggestions && plural(suggestions, 'open suggestion'), threads && plural(threads, 'open comment')]
    .filter(Boolean)
    .join(', ');
  return (
    <button
      type="button"
      className="segment-counts"
      tabIndex={besideStatus ? -1 : undefined}
      onKeyDown={besideStatus ? onKeyDown : undefined}
      onClick={reveal}
      aria-label={label}
      title={label}
      data-testid="segment-counts"
      data-suggestions={suggestions}
      data-threads={threads}
    >
      {suggestions > 0 && (
        <span className="count count-suggestions">
          <PenIcon />
          {suggestions}
        </span>
      )}
      {threads > 0 && (
        <span className="count count-threads">
          <CommentIcon />
          {threads}
        </span>
      )}
    </button>
  );
}
