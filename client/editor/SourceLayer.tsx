// The source column: one block per segment, placed by the Aligner beside its translation. It
// re-renders only when the list of segments, a source, a status or the glossary changes — never per
// keystroke. Glossary terms in the sources are marked; their tooltip can insert the agreed translation.
import { memo, useCallback, useEffect, useSyncExternalStore } from 'react';
import type { SegmentStatus } from '../../shared/schema.js';
import type { GlossaryEntry } from '../../shared/qa/index.js';
import { showsSources, type ReviewSession } from '../collab/review-session.js';
import type { Aligner } from './aligner.js';
import type { SegmentList } from './segment-list.js';
import { StatusControl } from '../review/StatusControl.js';
import { SegmentCounts } from '../review/SegmentCounts.js';
import { OmittedMark } from '../review/OmittedMark.js';
import { RepetitionMark } from '../review/RepetitionMark.js';
import { SourceText } from '../glossary/SourceText.js';
import { TermTipHost, useInsertTerm, useTermIndex } from '../glossary/source-glossary.js';
import type { TermIndex } from '../glossary/term-index.js';

interface RowProps {
  id: string;
  number: number;
  source: string | undefined;
  /** Other rows have sources: one without says so in its source cell. */
  bilingual: boolean;
  status: SegmentStatus | undefined;
  omitted: boolean;
  sourceLang: string;
  aligner: Aligner;
  terms: TermIndex;
  onInsert: (entry: GlossaryEntry, segmentId: string) => void;
}

const hasText = (source: string | undefined): source is string => source !== undefined && source !== '';

const SourceRow = memo(function SourceRow({ id, number, source, bilingual, status, omitted, sourceLang, aligner, terms, onInsert }: RowProps) {
  const hasSource = hasText(source);
  const sourceCell = hasSource || bilingual;
  const ref = useCallback(
    (block: HTMLDivElement | null) => {
      if (!block) return;
      aligner.setBlock(id, { block, gutter: block.querySelector<HTMLElement>('.src-gutter')!, text: block.querySelector<HTMLElement>('.src-text') });
      return () => aligner.setBlock(id, null);
    },
    [aligner, id, sourceCell],
  );
  return (
    <div ref={ref} className={`src-row${sourceCell ? '' : ' no-source'}${omitted ? ' omitted' : ''}`} data-source-for={id} data-omitted={omitted || undefined}>
      <div className="src-gutter">
        <span className="src-number" aria-label={`Segment ${number}`}>
          {number}
        </span>
        <StatusControl segmentId={id} number={number} state={status?.state ?? 'draft'} />
        <SegmentCounts segmentId={id} />
        {omitted && <OmittedMark segmentId={id} number={number} />}
        <RepetitionMark segmentId={id} />
      </div>
      {hasSource && (
        <div className="src-text" lang={sourceLang || undefined} aria-label={`Source of segment ${number}`}>
          <SourceText text={source} segmentId={id} terms={terms} onInsert={onInsert} />
        </div>
      )}
      {/* In an article with sources, a draft block no source pairs with keeps its translation in the
          translation column, as every other row's, beside a cell that says so (SPEC 10.31). */}
      {!hasSource && bilingual && (
        <div className="src-text src-missing" aria-label={`Segment ${number} has no source`}>
          No source
        </div>
      )}
    </div>
  );
});

export function SourceLayer({ segments, review, aligner }: { segments: SegmentList; review: ReviewSession; aligner: Aligner }) {
  const list = useSyncExternalStore(segments.subscribe, segments.get);
  const facts = useSyncExternalStore(review.subscribe, review.get);
  useEffect(() => aligner.setSections(list), [aligner, list]);
  const terms = useTermIndex(review);
  const onInsert = useInsertTerm();
  const bilingual = showsSources(facts);
  // Rows wait for the review room (sources, statuses): the translation is shown first, without them.
  return (
    <div className="source-layer">
      {facts.loaded &&
        list.map((segment, index) => (
          <SourceRow
            key={segment.key}
            id={segment.id}
            number={index + 1}
            source={facts.sources.get(segment.id)}
            bilingual={bilingual}
            status={facts.statuses.get(segment.id)}
            omitted={facts.omitted.has(segment.id)}
            sourceLang={facts.sourceLang}
            aligner={aligner}
            terms={terms}
            onInsert={onInsert}
          />
        ))}
      <TermTipHost review={review} targetLang={facts.targetLang} />
    </div>
  );
}
