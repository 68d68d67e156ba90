// The review margin: suggestions and comment threads as cards, grouped by segment. On a wide
// screen it is a third column with each group beside its segment; on a narrow one, a list below
// the article. Editors accept or reject everything from its head.
import { plural } from '../app/plural.js';
import { useEffect, useMemo, useState } from 'react';
import { useStore } from '../app/store.js';
import { useDesk, type ReviewDesk } from './desk.js';
import { MarginLayout } from './margin-layout.js';
import { MarginGroup, reportStale } from './MarginGroup.js';
import { ConfirmButton } from './ConfirmButton.js';
import { CheckIcon, CrossIcon } from '../ui/icons.js';

const editorRoot = () => document.getElementById('translation');

export function ReviewMargin() {
  const desk = useDesk();
  return desk ? <Margin desk={desk} /> : null;
}

function Margin({ desk }: { desk: ReviewDesk }) {
  const items = useStore(desk.items);
  const order = useStore(desk.order);
  const active = useStore(desk.active);
  const showResolved = useStore(desk.showResolved);
  const open = useStore(desk.marginShown);
  const [body, setBody] = useState<HTMLDivElement | null>(null);
  const layout = useMemo(() => (body ? new MarginLayout(body, editorRoot) : null), [body]);
  useEffect(() => () => layout?.destroy(), [layout]);
  const activeSegment = active ? (items.suggestions.find((s) => s.id === active) ?? items.threads.find((t) => t.id === active))?.segmentId ?? null : null;
  useEffect(() => layout?.setActive(activeSegment), [layout, activeSegment]);

  const groups = order
    .map((id, index) => ({ id, number: index + 1, items: items.bySegment.get(id) }))
    .filter((g) => g.items && (g.items.suggestions.length > 0 || g.items.threads.some((t) => showResolved || !t.resolved)));
  const empty = groups.length === 0;

  return (
    <aside className="review-margin" aria-label="Suggestions and comments" data-testid="review-margin" hidden={!open}>
      <div className="margin-head">
        <div className="margin-title">
          <h2>Review</h2>
          <span className="margin-counts" data-testid="margin-counts">
            {plural(items.openSuggestions, 'suggestion')} · {plural(items.openThreads, 'comment')}
          </span>
          <button type="button" className="icon-button small" aria-label="Hide the review margin" title="Hide" onClick={() => desk.marginOpen.set('closed')}>
            ×
          </button>
        </div>
        {(items.resolvedThreads > 0 || (desk.canDecide && items.openSuggestions > 0)) && (
          <div className="margin-tools">
            {desk.canDecide && items.openSuggestions > 0 && (
              <>
                <ConfirmButton
                  label={<><CheckIcon /> Accept all</>}
                  ask={`Accept ${plural(items.openSuggestions, 'suggestion')}?`}
                  onConfirm={() => void desk.run(() => desk.api.acceptAll().then(reportStale(desk)))}
                />
                <ConfirmButton
                  label={<><CrossIcon /> Reject all</>}
                  ask={`Reject ${plural(items.openSuggestions, 'suggestion')}?`}
                  onConfirm={() => void desk.run(() => desk.api.rejectAll(), 'Rejected every open suggestion.')}
                />
              </>
            )}
            {items.resolvedThreads > 0 && (
              <label className="resolved-toggle">
                <input type="checkbox" checked={showResolved} onChange={(e) => desk.showResolved.set(e.target.checked)} />
                Resolved ({items.resolvedThreads})
              </label>
            )}
          </div>
        )}
      </div>
      <div className="margin-body" ref={setBody}>
        {empty ? (
          <p className="margin-empty">
            {desk.canSuggest
              ? 'No open suggestions or comments. Select text in the translation to suggest a change or to comment on it.'
              : 'No open suggestions or comments.'}
          </p>
        ) : (
          groups.map((g) => (
            <MarginGroup key={g.id} desk={desk} segmentId={g.id} number={g.number} items={g.items!} showResolved={showResolved} active={active} layout={layout} />
          ))
        )}
      </div>
    </aside>
  );
}
