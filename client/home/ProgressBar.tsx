// A segment-status bar: how much of an article is draft, translated, reviewed, approved.
import { SEGMENT_STATES } from '../../shared/schema.js';
import type { Progress } from './useArticles.js';

export function ProgressBar({ progress, total }: { progress: Progress | null; total: number }) {
  if (!progress) return <div className="progress loading" aria-label="Loading progress" />;
  const done = progress.reviewed + progress.approved;
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
