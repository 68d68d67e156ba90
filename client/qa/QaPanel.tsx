// The QA panel: counts by severity and by check (each a filter), the article's QA profile, then
// every issue, live, ignored ones struck through among them.
import { useCallback, useMemo, useState } from 'react';
import { useStore } from '../app/store.js';
import type { DeskTools } from './desk-tools.js';
import { SidePanel } from '../ui/SidePanel.js';
import { QA_CHECKS } from '../../shared/qa/types.js';
import type { QaCheck, QaIssue, QaSeverity } from './qa-types.js';
import { CHECKS, SEVERITIES } from './qa-labels.js';
import { issueKey } from './qa-highlights.js';
import { QaIssueList } from './QaIssueList.js';
import { QaProfileEditor } from './QaProfileEditor.js';
import { useIssueActions } from './issue-actions.js';
import { CheckIcon } from '../ui/icons.js';
import { SeverityIcon } from './SeverityIcon.js';

const inArticleOrder = (a: QaIssue, b: QaIssue) => a.index - b.index || (a.start ?? -1) - (b.start ?? -1);

export function QaPanel({ tools, targetLang, onClose }: { tools: DeskTools; targetLang: string; onClose: () => void }) {
  const { issues, ignored, counts, texts, ready, checking } = useStore(tools.qa);
  const [severity, setSeverity] = useState<QaSeverity | null>(null);
  const [check, setCheck] = useState<QaCheck | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const all = useMemo(() => [...issues, ...ignored].sort(inArticleOrder), [issues, ignored]);
  const ignoredSet = useMemo(() => new Set(ignored), [ignored]);
  const shown = all.filter((i) => (!severity || i.severity === severity) && (!check || i.check === check));
  const actions = useIssueActions(tools);
  const pick = useCallback(
    (issue: QaIssue) => {
      setSelected(issueKey(issue));
      tools.highlighter.reveal(issue, tools.editable);
    },
    [tools],
  );
  const status = !ready ? 'Checking…' : checking ? 'Updating…' : 'Live — updates as you type';

  return (
    <SidePanel title="QA checks" subtitle={<span className={`qa-status${checking || !ready ? ' busy' : ''}`}>{status}</span>} onClose={onClose} testId="qa-panel">
      <div className="qa-severities" role="group" aria-label="Filter by severity">
        {(['error', 'warning', 'info'] as const).map((s) => (
          <button key={s} type="button" className={`qa-sev-tile sev-${s}`} aria-pressed={severity === s} onClick={() => setSeverity(severity === s ? null : s)} data-testid={`qa-count-${s}`}>
            <SeverityIcon severity={s} />
            <span className="qa-sev-count">{ready ? counts[s] : '–'}</span>
            <span className="qa-sev-label">{SEVERITIES[s].label}</span>
          </button>
        ))}
      </div>
      <div className="qa-checks" role="group" aria-label="Filter by check">
        {QA_CHECKS.map((c) => (
          <button
            key={c}
            type="button"
            className="qa-check"
            aria-pressed={check === c}
            disabled={counts.byCheck[c] === 0 && check !== c}
            title={CHECKS[c].hint}
            onClick={() => setCheck(check === c ? null : c)}
            data-testid={`qa-check-${c}`}
          >
            <span>{CHECKS[c].label}</span>
            <span className="qa-check-count">{counts.byCheck[c]}</span>
          </button>
        ))}
      </div>
      <QaProfileEditor tools={tools} />
      {ready && issues.length === 0 && (
        <div className="qa-empty">
          <span className="qa-empty-icon">
            <CheckIcon />
          </span>
          <strong>All checks pass</strong>
          <span>Numbers, terminology, punctuation and more are checked as you type.</span>
        </div>
      )}
      {ready && all.length > 0 && shown.length === 0 && <p className="qa-none">No issues match this filter.</p>}
      {shown.length > 0 && <QaIssueList issues={shown} ignored={ignoredSet} texts={texts} targetLang={targetLang} selected={selected} onPick={pick} actions={actions} />}
    </SidePanel>
  );
}
