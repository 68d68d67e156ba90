// The header's progress bar: the article's words by status (draft, translated, reviewed,
// approved), with segments and words per status in its popover, the omitted segments apart (SPEC
// 11.9, 15.7). Live for everyone.
import { SEGMENT_STATES } from '../../shared/schema.js';
import { useStore } from '../app/store.js';
import { useDesk } from './desk.js';
import { Popover } from './Popover.js';
import { STATE_LABEL } from './status-keys.js';

export function ReviewProgress() {
  const desk = useDesk();
  return desk ? <Bar desk={desk} /> : null;
}

function Bar({ desk }: { desk: NonNullable<ReturnType<typeof useDesk>> }) {
  const progress = useStore(desk.progress);
  const { byState } = progress;
  const done = byState.reviewed.segments + byState.approved.segments;
  const share = (n: number) => (progress.words ? Math.round((n / progress.words) * 100) : 0);
  const data = Object.fromEntries(SEGMENT_STATES.flatMap((s) => [[`data-${s}-segments`, byState[s].segments], [`data-${s}-words`, byState[s].words]]));
  const { omitted } = progress;
  const summary = `${done} of ${progress.segments} segments reviewed or approved${omitted.segments > 0 ? `, ${omitted.segments} omitted` : ''}`;
  return (
    <Popover
      className="review-progress"
      label={`Progress: ${summary}`}
      testId="progress"
      button={
        <span className="progress-compact" {...data} data-omitted-segments={omitted.segments} data-omitted-words={omitted.words}>
          <span className="progress header-bar" aria-hidden="true">
            {SEGMENT_STATES.map((state) =>
              byState[state].words > 0 || (progress.words === 0 && byState[state].segments > 0) ? (
                <span key={state} className={`progress-part status-${state}`} style={{ flexGrow: byState[state].words || byState[state].segments }} />
              ) : null,
            )}
          </span>
          <span className="progress-text">
            {done}/{progress.segments}
          </span>
        </span>
      }
    >
      <table className="progress-table">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Segments</th>
            <th scope="col">Words</th>
          </tr>
        </thead>
        <tbody>
          {SEGMENT_STATES.map((state) => (
            <tr key={state} data-state={state}>
              <th scope="row">
                <span className={`status-dot status-${state}`} aria-hidden="true" /> {STATE_LABEL[state]}
              </th>
              <td>{byState[state].segments}</td>
              <td>
                {byState[state].words} <span className="muted">({share(byState[state].words)}%)</span>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td>{progress.segments}</td>
            <td>{progress.words}</td>
          </tr>
          {omitted.segments > 0 && (
            <tr data-state="omitted" className="progress-omitted" title="Left out of exports, QA and the totals">
              <th scope="row">Omitted</th>
              <td>{omitted.segments}</td>
              <td>{omitted.words}</td>
            </tr>
          )}
        </tfoot>
      </table>
    </Popover>
  );
}
