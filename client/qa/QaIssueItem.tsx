// One QA issue in the panel: severity, check, message and the text around it; for a name spelled
// two ways, "Make all X" for each spelling (editors). Memoised, so a run that changes one segment
// re-renders only that segment's issues.
import { memo } from 'react';
import type { QaIssue } from './qa-types.js';
import { CHECKS, SEVERITIES } from './qa-labels.js';
import { excerpt } from './excerpt.js';
import { SeverityIcon } from './icons.js';

interface Props {
  issue: QaIssue;
  /** The segment's text as checked. */
  text: string;
  targetLang: string;
  selected: boolean;
  onPick: (issue: QaIssue) => void;
  /** Makes every `from` in the article `to`; absent where the page may not edit. */
  onRespell?: (from: string, to: string) => void;
}

export const QaIssueItem = memo(function QaIssueItem({ issue, text, targetLang, selected, onPick, onRespell }: Props) {
  const cut = excerpt(text, issue.start, issue.end);
  const spellings = onRespell && issue.spellings;
  return (
    <li className="qa-item">
      <button
        type="button"
        className={`qa-issue sev-${issue.severity}${selected ? ' selected' : ''}`}
        aria-current={selected ? 'true' : undefined}
        data-check={issue.check}
        data-severity={issue.severity}
        onClick={() => onPick(issue)}
      >
        <SeverityIcon severity={issue.severity} />
        <span className="qa-issue-body">
          <span className="qa-issue-meta">
            <span className="qa-check-name">{CHECKS[issue.check].label}</span>
            <span className="visually-hidden">, {SEVERITIES[issue.severity].one}: </span>
          </span>
          <span className="qa-message">{issue.message}</span>
          {(cut.before || cut.hit || cut.after) && (
            <span className="qa-excerpt" lang={targetLang || undefined}>
              {cut.before}
              {cut.hit && <mark>{cut.hit}</mark>}
              {cut.after}
            </span>
          )}
        </span>
      </button>
      {spellings && (
        <div className="qa-actions" role="group" aria-label="One spelling for the article">
          {[spellings.other, spellings.found].map((to) => (
            <button
              key={to}
              type="button"
              className="qa-action"
              lang={targetLang || undefined}
              onClick={() => onRespell(to === spellings.other ? spellings.found : spellings.other, to)}
            >
              Make all “{to}”
            </button>
          ))}
        </div>
      )}
    </li>
  );
}, same);

/** Issues from different runs are different objects: compare what is shown. */
function same(a: Props, b: Props): boolean {
  const x = a.issue;
  const y = b.issue;
  return (
    a.text === b.text &&
    a.selected === b.selected &&
    a.targetLang === b.targetLang &&
    a.onPick === b.onPick &&
    a.onRespell === b.onRespell &&
    x.segmentId === y.segmentId &&
    x.index === y.index &&
    x.check === y.check &&
    x.message === y.message &&
    x.severity === y.severity &&
    x.start === y.start &&
    x.end === y.end &&
    x.spellings?.found === y.spellings?.found &&
    x.spellings?.other === y.spellings?.other
  );
}
