// The cards of one segment in the margin, placed beside the segment by the MarginLayout; editors
// get accept all / reject all for the segment when it has more than one suggestion.
import { plural } from '../app/plural.js';
import { useLayoutEffect, useRef } from 'react';
import type { SegmentItems } from './items.js';
import type { ReviewDesk } from './desk.js';
import type { MarginLayout } from './margin-layout.js';
import { SuggestionCard } from './SuggestionCard.js';
import { ThreadCard } from './ThreadCard.js';
import { segmentElement } from '../sheet/dom-ranges.js';
import { scrollToSegment } from '../sheet/scroll-to-segment.js';

interface Props {
  desk: ReviewDesk;
  segmentId: string;
  number: number;
  items: SegmentItems;
  showResolved: boolean;
  active: string | null;
  layout: MarginLayout | null;
}

export function MarginGroup({ desk, segmentId, number, items, showResolved, active, layout }: Props) {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => (layout && ref.current ? layout.track(ref.current, segmentId) : undefined), [layout, segmentId]);
  const threads = showResolved ? items.threads : items.threads.filter((t) => !t.resolved);
  const cards = [
    ...items.suggestions.map((s) => ({ at: s.createdAt, node: <SuggestionCard key={s.id} desk={desk} suggestion={s} active={active === s.id} /> })),
    ...threads.map((t) => ({ at: t.comments[0]?.at ?? 0, node: <ThreadCard key={t.id} desk={desk} thread={t} active={active === t.id} /> })),
  ].sort((a, b) => a.at - b.at);
  const pending = items.suggestions.length;
  const bulk = desk.canDecide && pending > 1;
  const showSegment = () => {
    const root = document.querySelector('.editor-root');
    const section = root && segmentElement(root, segmentId);
    if (section) scrollToSegment(section);
  };
  return (
    <section ref={ref} className="margin-group" data-segment-id={segmentId} aria-label={`Segment ${number}`}>
      <div className={bulk ? 'group-head' : 'group-head plain'}>
        <button type="button" className="group-number" onClick={showSegment}>
          Segment {number}
        </button>
        {bulk && (
          <span className="group-actions">
            <button type="button" className="link-button" onClick={() => void desk.run(() => desk.api.acceptAll(segmentId).then(reportStale(desk)))}>
              Accept all
            </button>
            <button type="button" className="link-button" onClick={() => void desk.run(() => desk.api.rejectAll(segmentId))}>
              Reject all
            </button>
          </span>
        )}
      </div>
      {cards.map((c) => c.node)}
    </section>
  );
}

export const reportStale = (desk: ReviewDesk) => (result: { accepted: unknown[]; stale: unknown[] }) => {
  const { accepted, stale } = result;
  desk.notify(stale.length ? `Accepted ${plural(accepted.length, 'suggestion')}; ${plural(stale.length, 'stale one')} left for you to check.` : `Accepted ${plural(accepted.length, 'suggestion')}.`);
  return result;
};
