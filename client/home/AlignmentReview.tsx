// The proposed pairing of source and draft paragraphs, side by side (SPEC 10.29): a word says why
// it is shown, pairs worth a look are marked, and the user joins a pair with the next or splits one
// before a paragraph.
import { useEffect, useRef, useState } from 'react';
import type { AlignmentPair, AlignmentProposal } from '../app/api.js';
import { plural } from '../app/plural.js';
import { joinWithNext, splitBefore, type ShownBecause, type Side } from './alignment-edit.js';
import '../styles/alignment.css';

interface Props {
  proposal: AlignmentProposal;
  because: ShownBecause;
  pairs: AlignmentPair[];
  onChange: (pairs: AlignmentPair[]) => void;
  sourceLang: string;
  targetLang: string;
}

const SIDE_NAME: Record<Side, string> = { source: 'source', target: 'draft' };

/** Why the pairs are shown before the article is made; different counts say so themselves. */
function why(because: ShownBecause): string {
  if (because === 'shifted') return 'The counts match, but the paragraphs do not pair in order: the draft leaves some out or merges them, and adds or splits others. ';
  if (because === 'units') return 'The text pairs otherwise than the file’s units: a unit’s draft seems to hold another unit’s translation, or none. ';
  return '';
}

export const isLow = (pair: AlignmentPair, threshold: number) => pair.confidence !== undefined && pair.confidence < threshold;

function describe(pair: AlignmentPair, low: boolean): string {
  const sides = `${plural(pair.source.length, 'source paragraph')}, ${plural(pair.target.length, 'draft paragraph')}`;
  return low ? `${sides}; worth a check` : sides;
}

export function AlignmentReview({ proposal, because, pairs, onChange, sourceLang, targetLang }: Props) {
  const list = useRef<HTMLOListElement>(null);
  // After a join or a split, the focus goes to the pair that stays where the action was.
  const [focusPair, setFocusPair] = useState<number | null>(null);
  useEffect(() => {
    if (focusPair === null) return;
    list.current?.querySelector<HTMLElement>(`[data-pair="${focusPair}"]`)?.focus();
    setFocusPair(null);
  }, [focusPair]);

  const low = pairs.filter((pair) => isLow(pair, proposal.lowConfidence)).length;
  const act = (next: AlignmentPair[], k: number) => {
    onChange(next);
    setFocusPair(k);
  };

  const side = (pair: AlignmentPair, k: number, name: Side) => (
    <div className={`align-side ${name}`} lang={name === 'source' ? sourceLang : targetLang}>
      {pair[name].length === 0 && <p className="align-none">{name === 'source' ? 'No source' : 'No draft'}</p>}
      {pair[name].map((block, at) => (
        <div className="align-block" key={block}>
          {at > 0 && (
            <button type="button" className="align-split" onClick={() => act(splitBefore(pairs, k, name, at), k)} aria-label={`Split pair ${k + 1} before ${SIDE_NAME[name]} paragraph ${block + 1}`} title="Split the pair here">
              Split here
            </button>
          )}
          <p>{proposal[name][block]}</p>
        </div>
      ))}
    </div>
  );

  return (
    <section className="alignment" aria-labelledby="alignment-title">
      <h3 id="alignment-title">Check how the paragraphs pair</h3>
      <p className="dialog-lead" role="status">
        {because !== 'counts' && <strong className="align-why">{why(because)}</strong>}
        {plural(proposal.source.length, 'source paragraph')}, {plural(proposal.target.length, 'draft paragraph')}: {plural(pairs.length, 'pair')}
        {low > 0 ? `, ${low} marked to check` : ''}. Pairs were found by length, numbers and names; join or split them, then create the article.
      </p>
      <div className="align-columns" aria-hidden="true">
        <span>Source</span>
        <span>Draft translation</span>
      </div>
      <ol className="align-pairs" ref={list}>
        {pairs.map((pair, k) => {
          const marked = isLow(pair, proposal.lowConfidence);
          return (
            <li
              key={`${pair.source[0] ?? ''}:${pair.target[0] ?? ''}`}
              className={marked ? 'align-pair low' : 'align-pair'}
              data-testid="align-pair"
              data-pair={k}
              tabIndex={-1}
              aria-label={`Pair ${k + 1}: ${describe(pair, marked)}`}
            >
              {side(pair, k, 'source')}
              {side(pair, k, 'target')}
              <div className="align-tools">
                {marked && (
                  <span className="align-flag" title={`The aligner is ${Math.round(pair.confidence! * 100)}% sure of this pair`}>
                    Check · {Math.round(pair.confidence! * 100)}%
                  </span>
                )}
                {k + 1 < pairs.length && (
                  <button type="button" className="link-button" onClick={() => act(joinWithNext(pairs, k), k)} aria-label={`Join pair ${k + 1} with the next`}>
                    Join with next
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
