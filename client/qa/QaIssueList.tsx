// The QA issues, grouped by segment, ignored ones among them. Picking one scrolls to it and marks its
// range in the text.
import type { QaIssue } from './qa-types.js';
import { issueKey } from './qa-highlights.js';
import { QaIssueItem, type IssueActions } from './QaIssueItem.js';

interface Props {
  /** In the article's order. */
  issues: readonly QaIssue[];
  /** Those of `issues` whose occurrence was ignored. */
  ignored: ReadonlySet<QaIssue>;
  texts: ReadonlyMap<string, string>;
  targetLang: string;
  selected: string | null;
  onPick: (issue: QaIssue) => void;
  actions: IssueActions;
}

function groups(issues: readonly QaIssue[]): Array<{ index: number; segmentId: string; issues: QaIssue[] }> {
  const out: Array<{ index: number; segmentId: string; issues: QaIssue[] }> = [];
  for (const issue of issues) {
    const last = out[out.length - 1];
    if (last?.segmentId === issue.segmentId) last.issues.push(issue);
    else out.push({ index: issue.index, segmentId: issue.segmentId, issues: [issue] });
  }
  return out;
}

/** Arrow keys move between issues. */
function onKeyDown(event: React.KeyboardEvent<HTMLElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('.qa-issue')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (at === -1) return;
  event.preventDefault();
  items[Math.max(0, Math.min(items.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
}

export function QaIssueList({ issues, ignored, texts, targetLang, selected, onPick, actions }: Props) {
  return (
    <ol className="qa-groups" aria-label="Issues" onKeyDown={onKeyDown}>
      {groups(issues).map((group) => (
        <li key={group.segmentId} className="qa-group">
          <div className="qa-group-head">Segment {group.index + 1}</div>
          <ul className="qa-list">
            {group.issues.map((issue) => {
              const key = issueKey(issue);
              return (
                <QaIssueItem
                  key={key}
                  issue={issue}
                  text={texts.get(issue.segmentId) ?? ''}
                  targetLang={targetLang}
                  selected={selected === key}
                  ignored={ignored.has(issue)}
                  onPick={onPick}
                  actions={actions}
                />
              );
            })}
          </ul>
        </li>
      ))}
    </ol>
  );
}
