// One segment's own history (SPEC 16.15): its text at each version where it changed, newest first,
// with who had last changed it by then, each against the text before it; editors restore one.
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../app/api.js';
import { diffWords } from '../../shared/diff/words.js';
import type { HistoryApi, SegmentVersion } from './history-api.js';
import { DiffText } from './DiffText.js';
import { showSegment } from './show-segment.js';
import { exactTime, VersionTime } from './VersionTime.js';

interface Props {
  api: HistoryApi;
  segmentId: string;
  row: number | undefined;
  targetLang: string;
  /** The segment's text now and its last change, read when the history arrives (text null: no
   *  longer in the article). */
  current: () => { text: string | null; by: string | null; at: number | null };
  /** Editors: puts this segment back as it was in a version. */
  onRestore?: (entry: SegmentVersion) => void;
}

export function SegmentHistory({ api, segmentId, row, targetLang, current, onRestore }: Props) {
  const [entries, setEntries] = useState<SegmentVersion[] | null>(null);
  const [error, setError] = useState('');
  const head = useRef<HTMLDivElement>(null);
  useEffect(() => head.current?.focus(), [segmentId]);
  useEffect(() => {
    let live = true;
    api.segment(segmentId).then(
      (found) => live && setEntries(found),
      (e: unknown) => live && setError(e instanceof ApiError ? e.message : 'The history could not be loaded.'),
    );
    return () => {
      live = false;
    };
  }, [api, segmentId]);
  const latest = entries ? current() : null;
  const now = latest?.text ?? null;
  // The text now, when no version holds it yet, heads the list.
  const unsaved = entries && now !== null && entries[0]?.text !== now ? latest : null;

  return (
    <div className="segment-history" data-testid="segment-history">
      <div className="compare-head" ref={head} tabIndex={-1}>
        <h3 className="segment-history-title">
          Segment {row ?? ''}
          {row !== undefined && (
            <button type="button" className="link-button" onClick={() => showSegment(segmentId)}>
              Show in the article
            </button>
          )}
        </h3>
        <p className="compare-reason">Its text at each version where it changed, newest first.</p>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {entries && entries.length === 0 && <p className="muted">No version holds this segment yet.</p>}
      {entries && (
        <ol className="compare-list">
          {unsaved && (
            <li className="compare-seg history-entry" data-testid="segment-now">
              <div className="history-entry-head">
                <span className="version-name">Now (not in a version yet)</span>
              </div>
              <DiffText ops={entries[0]?.text ? diffWords(entries[0].text, now!, targetLang) : [{ op: 'equal', text: now! }]} lang={targetLang} />
              {unsaved.at !== null && (
                <div className="version-meta">
                  <span title={exactTime(unsaved.at)}>Changed by {unsaved.by ?? 'the server'}</span>
                  <VersionTime at={unsaved.at} />
                </div>
              )}
            </li>
          )}
          {entries.map((entry, i) => {
            const older = entries[i + 1];
            const ops = entry.text === null ? [] : older?.text ? diffWords(older.text, entry.text, targetLang) : [{ op: 'equal' as const, text: entry.text }];
            return (
              <li key={entry.version.id} className="compare-seg history-entry" data-testid="segment-version">
                <div className="history-entry-head">
                  <span className="version-name">{entry.version.name}</span>
                  <VersionTime at={entry.version.createdAt} />
                </div>
                {entry.text === null ? <span className="diff-empty">(not in this version)</span> : <DiffText ops={ops} lang={targetLang} />}
                <div className="version-meta">
                  {entry.changedBy && entry.changedAt ? (
                    <span title={exactTime(entry.changedAt)}>Changed by {entry.changedBy}</span>
                  ) : entry.changedAt ? (
                    'Changed by the server'
                  ) : (
                    'As imported'
                  )}
                </div>
                {entry.text === now && <div className="version-meta">The text now</div>}
                {onRestore && entry.text !== null && entry.text !== now && (
                  <button type="button" className="button small history-entry-restore" onClick={() => onRestore(entry)} data-testid="restore-segment">
                    Restore this segment only…
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
