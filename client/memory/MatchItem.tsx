// One match of the Memory panel: its score (a "context" badge for a context match), its source with
// the differences from this segment's marked, its translation, who confirmed it and when, and its
// key and Insert button for those who may insert.
import { DiffText } from '../history/DiffText.js';
import { VersionTime } from '../history/VersionTime.js';
import { SHORTCUT } from '../sheet/shortcuts.js';
import type { MemoryMatch } from './memory-api.js';

interface Props {
  match: MemoryMatch;
  index: number;
  sourceLang: string;
  targetLang: string;
  /** Absent for viewers. */
  onInsert?: () => void;
  insertLabel: string;
}

const STATUS: Record<MemoryMatch['status'], string> = { translated: 'Translated', reviewed: 'Reviewed', approved: 'Approved' };

export function MatchItem({ match, index, sourceLang, targetLang, onInsert, insertLabel }: Props) {
  const exact = match.score === 100;
  return (
    <li className="tm-match" data-testid="tm-match">
      <div className="tm-match-head">
        <span className={exact ? 'tm-score exact' : 'tm-score'} data-testid="tm-score" title={exact ? 'The same source' : 'A similar source'}>
          {match.score} %
        </span>
        {match.context && (
          <span className="tm-badge" title="The segment before matched too">
            context
          </span>
        )}
        <span className={`tm-status ${match.status}`}>{STATUS[match.status]}</span>
        {onInsert && (
          <button type="button" className="button small tm-insert" onClick={onInsert} title={`${insertLabel} (${SHORTCUT.match(index + 1)})`}>
            Insert <kbd>{SHORTCUT.match(index + 1)}</kbd>
          </button>
        )}
      </div>
      <div className="tm-source" title="Struck: only in the memory’s source. Underlined: only in this segment’s." data-testid="tm-source">
        <DiffText ops={match.diff} lang={sourceLang} />
      </div>
      <div className="tm-target" lang={targetLang || undefined} data-testid="tm-target">
        {match.target}
      </div>
      <div className="tm-meta">
        {match.confirmedBy && <span>{match.confirmedBy}</span>}
        <VersionTime at={match.confirmedAt} />
      </div>
    </li>
  );
}
