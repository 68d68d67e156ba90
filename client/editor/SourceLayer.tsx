// The source column: one block per segment, placed by the Aligner beside its translation. It
// re-renders only when the list of segments, a source or a status changes — never per keystroke.
import { memo, useCallback, useEffect, useSyncExternalStore } from 'react';
import type { SegmentStatus } from '../../shared/schema.js';
import type { ReviewSession } from '../collab/review-session.js';
import type { Aligner } from './aligner.js';
import type { SegmentList } from './segment-list.js';
import { StatusPill } from './StatusPill.js';

interface RowProps {
  id: string;
  number: number;
  source: string | undefined;
  status: SegmentStatus | undefined;
  sourceLang: string;
  aligner: Aligner;
}

const SourceRow = memo(function SourceRow({ id, number, source, status, sourceLang, aligner }: RowProps) {
  const hasSource = source !== undefined && source !== '';
  const ref = useCallback(
    (block: HTMLDivElement | null) => {
      if (!block) return;
      aligner.setBlock(id, { block, text: block.querySelector<HTMLElement>('.src-text') });
      return () => aligner.setBlock(id, null);
    },
    [aligner, id, hasSource],
  );
  return (
    <div ref={ref} className={hasSource ? 'src-row' : 'src-row no-source'} data-source-for={id}>
      <div className="src-gutter">
        <span className="src-number" aria-label={`Segment ${number}`}>
          {number}
        </span>
        <StatusPill state={status?.state ?? 'draft'} />
      </div>
      {hasSource && (
        <div className="src-text" lang={sourceLang || undefined} aria-label={`Source of segment ${number}`}>
          {source}
        </div>
      )}
    </div>
  );
});

export function SourceLayer({ segments, review, aligner }: { segments: SegmentList; review: ReviewSession; aligner: Aligner }) {
  const list = useSyncExternalStore(segments.subscribe, segments.get);
  const facts = useSyncExternalStore(review.subscribe, review.get);
  useEffect(() => aligner.setSections(list), [aligner, list]);
  return (
    <div className="source-layer">
      {list.map((segment, index) => (
        <SourceRow
          key={segment.key}
          id={segment.id}
          number={index + 1}
          source={facts.sources.get(segment.id)}
          status={facts.statuses.get(segment.id)}
          sourceLang={facts.sourceLang}
          aligner={aligner}
        />
      ))}
    </div>
  );
}
