// A segment-status bar: how much of an article is draft, translated, reviewed, approved, of its
// segments that count (the omitted ones do not, SPEC 11.9).
import { SEGMENT_STATES } from '../../shared/schema.js';
import type { Progress } from './useArticles.js';

export function ProgressBar({ progress }: { progress: Progress | null }) {
  if (!progress) return <div className="progress loading" aria-label="Loading progress" />;
  const done = progress.reviewed + progress.approved;
  const total = SEGMENT_STATES.reduce((sum, state) => sum + progress[state], 0);
  const summary = SEGMENT_STATES.filter((s) => progress[s] > 0)
    .map((s) => `${progress[s]} ${s}`)
    .join(', ');
  return (
    <div className="progress-wrap">
      <div className="progress" role="img" aria-label={`Progress: ${summary || 'no segments'}`} title={summary}>
        {SEGMENT_STATES.map((state) =>
          progress[state] > 0 ? (
            <span key={state} className={`progress-part status-${state}`} style={{ flexGrow: progress[state] }} />
          ) : null,
        )}
      </div>
      <span className="progress-label">
        {done}/{total} reviewed
      </span>
    </div>
  );
}
