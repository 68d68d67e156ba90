// Omitted segments look omitted (SPEC 15.9): their translation greyed through one style sheet,
// rewritten only when the set of omitted segments changes (never nodes or classes in Lexical's DOM).
import type { ReviewSession } from '../collab/review-session.js';

export function greyOmitted(review: ReviewSession): () => void {
  const sheet = new CSSStyleSheet();
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  let key = '';
  const follow = () => {
    const ids = [...review.get().omitted].sort();
    if (ids.join('\n') === key) return;
    key = ids.join('\n');
    const selectors = ids.map((id) => `.editor-root section[data-segment-id="${CSS.escape(id)}"]`);
    sheet.replaceSync(selectors.length > 0 ? `${selectors.join(',\n')} { color: var(--muted); }` : '');
  };
  follow();
  const stop = review.subscribe(follow);
  return () => {
    stop();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}
