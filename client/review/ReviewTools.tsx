// The header's review tools: open suggestions and comments (a click shows or hides the margin) and
// the editors' Editing / Suggesting switch.
import { plural } from '../app/plural.js';
import { useStore } from '../app/store.js';
import { useDesk, type ReviewDesk } from './desk.js';
import { CommentIcon, PenIcon } from '../ui/icons.js';

export function ReviewTools() {
  const desk = useDesk();
  return desk ? <Tools desk={desk} /> : null;
}

function Tools({ desk }: { desk: ReviewDesk }) {
  const items = useStore(desk.items);
  const open = useStore(desk.marginShown);
  const mode = useStore(desk.mode);
  const label = `${plural(items.openSuggestions, 'open suggestion')}, ${plural(items.openThreads, 'open comment')}`;
  return (
    <div className="review-tools">
      <button
        type="button"
        className="review-counts"
        aria-pressed={open}
        title={`${label}. ${open ? 'Hide' : 'Show'} the review margin`}
        aria-label={label}
        data-testid="review-counts"
        data-suggestions={items.openSuggestions}
        data-threads={items.openThreads}
        onClick={() => desk.marginOpen.set(open ? 'closed' : 'open')}
      >
        <span className="count">
          <PenIcon /> {items.openSuggestions}
        </span>
        <span className="count">
          <CommentIcon /> {items.openThreads}
        </span>
      </button>
      {desk.me.role === 'editor' && (
        <div className="mode-switch" role="radiogroup" aria-label="Mode" data-testid="mode-switch">
          {(['editing', 'suggesting'] as const).map((option) => (
            <button key={option} type="button" role="radio" aria-checked={mode === option} className="mode-option" onClick={() => desk.mode.set(option)}>
              {option === 'editing' ? 'Editing' : 'Suggesting'}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
