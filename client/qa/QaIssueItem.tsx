// One QA issue in the panel: severity, check, message and the text around it. Under it, for
// editors: "Make all X" for each spelling of a name spelled two ways, and Ignore (an ignored issue
// is shown struck through, with Undo). Memoised, so a run that changes one segment re-renders only
// that segment's issues.
import { memo } from 'react';
import type { QaIssue } from './qa-types.js';
import { CHECKS, SEVERITIES } from './qa-labels.js';
import { excerpt } from './excerpt.js';
import { SeverityIcon } from './SeverityIcon.js';

/** What an editor's page can do about issues; each absent where it may not. */
export interface IssueActions {
  /** Makes every `from` in the article `to`. */
  respell?: (from: string, to: string) => void;
  ignore?: (issue: QaIssue) => void;
  unignore?: (issue: QaIssue) => void;
}

interface Props {
  issue: QaIssue;
  /** The segment's text as checked. */
  text: string;
  targetLang: string;
  selected: boolean;
  /** Its occurrence was ignored: struck through, counted nowhere. */
  ignored: boolean;
  onPick: (issue: QaIssue) => void;
  actions: IssueActions;
}

export const QaIssueItem = memo(function QaIssueItem({ issue, text, targetLang, selected, ignored, onPick, actions }: Props) {
  const cut = excerpt(text, issue.start, issue.end);
  const { respell, ignore, unignore } = actions;
  const spellings = !ignored && respell ? issue.spellings : undefined;
  const toggle = ignored ? unignore : ignore;
  return (
    <li className={`qa-item${ignored ? ' ignored' : ''}`}>
      <button
        type="button"
        className={`qa-issue sev-${issue.severity}${selected ? ' selected' : ''}`}
        aria-current={selected ? 'true' : undefined}
        data-check={issue.check}
        data-severity={issue.severity}
        data-ignored={ignored || undefined}
        onClick={() => onPick(issue)}
      >
        <SeverityIcon severity={issue.severity} />
        <span className="qa-issue-body">
          <span className="qa-issue-meta">
            <span className="qa-check-name">{CHECKS[issue.check].label}</span>
            <span className="visually-hidden">, {ignored ? 'ignored ' : ''}{SEVERITIES[issue.severity].one}: </span>
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
      {(spellings || toggle) && (
        <div className="qa-actions" role="group" aria-label="What to do about it">
          {spellings &&
            [spellings.other, spellings.found].map((to) => (
              <button
                key={to}
                type="button"
                className="qa-action"
                lang={targetLang || undefined}
                onClick={() => respell!(to === spellings.other ? spellings.found : spellings.other, to)}
              >
                Make all “{to}”
              </button>
            ))}
          {toggle && (
            <button type="button" className="qa-action quiet" onClick={() => toggle(issue)} aria-label={ignored ? 'Undo ignore' : 'Ignore this issue'}>
              {ignored ? 'Undo' : 'Ignore'}
            </button>
          )}
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
    a.ignored === b.ignored &&
    a.targetLang === b.targetLang &&
    a.onPick === b.onPick &&
    a.actions === b.actions &&
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
