// A version against the current text (SPEC 16.11): per segment, what was deleted since and what was
// inserted, coloured; unchanged segments folded ("7 unchanged segments", opened on demand); each
// changed segment's row number brings it on screen; its own history one click away.
import { useEffect, useRef, useState } from 'react';
import { plural } from '../app/plural.js';
import { ApiError } from '../app/api.js';
import type { HistoryApi, SegmentDiff, Version } from './history-api.js';
import { compareItems } from './compare-items.js';
import { DiffText } from './DiffText.js';
import { showSegment } from './show-segment.js';
import { VersionMeta } from './VersionTime.js';
import { ChevronDownIcon } from '../ui/icons.js';

interface Props {
  api: HistoryApi;
  version: Version;
  /** Why this version was picked ("since you last reviewed"), shown under its name. */
  reason?: string;
  targetLang: string;
  /** Row number of each segment now in the article. */
  rows: ReadonlyMap<string, number>;
  canRestore: boolean;
  /** This person's own token once known, for the download links. */
  token: string | null;
  onRestore: (version: Version) => void;
  onSegment: (segmentId: string) => void;
}

export function CompareView({ api, version, reason, targetLang, rows, canRestore, token, onRestore, onSegment }: Props) {
  const [segments, setSegments] = useState<SegmentDiff[] | null>(null);
  const [error, setError] = useState('');
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const [asked, setAsked] = useState(0);
  // The button that opened this view is gone: the keyboard continues from the view's head.
  const head = useRef<HTMLDivElement>(null);
  useEffect(() => head.current?.focus(), [version.id]);
  useEffect(() => {
    let live = true;
    setError('');
    api.diff(version.id, 'current').then(
      (found) => live && setSegments(found),
      (e: unknown) => live && setError(e instanceof ApiError ? e.message : 'The comparison could not be loaded.'),
    );
    return () => {
      live = false;
    };
  }, [api, version.id, asked]);

  const changed = segments?.filter((s) => s.changed).length ?? 0;
  return (
    <div className="compare" data-testid="compare">
      <div className="compare-head" ref={head} tabIndex={-1} aria-label={`“${version.name}” against the current text`}>
        <div className="compare-sides">
          <span className="compare-from">
            <del className="diff-del">{version.name}</del>
            <VersionMeta version={version} />
          </span>
          <span className="compare-arrow" aria-hidden="true">
            →
          </span>
          <span className="compare-to">
            <ins className="diff-ins">Current text</ins>
          </span>
        </div>
        {reason && <p className="compare-reason">{reason}</p>}
        <div className="compare-actions">
          <span className="compare-count" role="status" data-testid="compare-count">
            {error ? '' : segments ? (changed === 0 ? 'No changes since this version' : `${plural(changed, 'segment')} changed`) : 'Comparing…'}
          </span>
          <button type="button" className="button small" onClick={() => setAsked((n) => n + 1)} title="Compare again with the text as it is now">
            Refresh
          </button>
          {canRestore && (
            <button type="button" className="button small" onClick={() => onRestore(version)} data-testid="restore-version">
              Restore this version…
            </button>
          )}
        </div>
        {token && (
          <p className="compare-files">
            Download the comparison:{' '}
            <a href={api.fileHref(version.id, 'current', 'docx', token)} download data-testid="compare-docx">
              Word, tracked changes
            </a>{' '}
            ·{' '}
            <a href={api.fileHref(version.id, 'current', 'html', token)} download>
              HTML
            </a>
          </p>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {segments && (
        <ol className="compare-list" aria-label={`Changes since “${version.name}”`}>
          {compareItems(segments).map((item) =>
            item.kind === 'changed' ? (
              <ChangedSegment key={item.segment.id} segment={item.segment} row={rows.get(item.segment.id)} targetLang={targetLang} onSegment={onSegment} />
            ) : (
              <li key={item.key} className="compare-fold">
                <button
                  type="button"
                  className="compare-fold-head"
                  aria-expanded={opened.has(item.key)}
                  onClick={() => setOpened((was) => new Set(was.has(item.key) ? [...was].filter((k) => k !== item.key) : [...was, item.key]))}
                  data-testid="unchanged-fold"
                >
                  <span className="version-chevron">
                    <ChevronDownIcon size={12} />
                  </span>
                  {plural(item.segments.length, 'unchanged segment')}
                </button>
                {opened.has(item.key) && (
                  <ol className="compare-unchanged">
                    {item.segments.map((s) => (
                      <li key={s.id} className="compare-seg unchanged">
                        <RowButton id={s.id} row={rows.get(s.id)} />
                        <DiffText ops={s.ops} lang={targetLang} />
                      </li>
                    ))}
                  </ol>
                )}
              </li>
            ),
          )}
        </ol>
      )}
    </div>
  );
}

function ChangedSegment({ segment, row, targetLang, onSegment }: { segment: SegmentDiff; row: number | undefined; targetLang: string; onSegment: (id: string) => void }) {
  return (
    <li className="compare-seg" data-testid="changed-segment" data-segment-id={segment.id}>
      <RowButton id={segment.id} row={row} />
      <DiffText ops={segment.ops} lang={targetLang} />
      {row !== undefined && (
        <button type="button" className="link-button compare-seg-history" onClick={() => onSegment(segment.id)} aria-label={`History of segment ${row}`}>
          History
        </button>
      )}
    </li>
  );
}

/** The row's number, which brings the row on screen; a segment no longer in the article has none. */
function RowButton({ id, row }: { id: string; row: number | undefined }) {
  if (row === undefined) return <span className="compare-row gone">Removed</span>;
  return (
    <button type="button" className="compare-row" onClick={() => showSegment(id)} aria-label={`Show segment ${row} in the article`} data-testid="compare-row">
      {row}
    </button>
  );
}
