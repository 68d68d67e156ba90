// The History panel (SPEC 16.10–16.15): the versions, a version against the current text, one
// segment's history; editors save, delete and restore. Every question is asked in the page's own
// dialog. Lists and comparisons are fetched when shown, never while someone types.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from '../app/store.js';
import { ApiError } from '../app/api.js';
import { plural } from '../app/plural.js';
import type { ReviewDesk } from '../review/desk.js';
import type { ReviewSession } from '../collab/review-session.js';
import { SidePanel } from '../ui/SidePanel.js';
import { historyApi, type Version } from './history-api.js';
import { draftOf } from './version-groups.js';
import { lastReview, versionOfReview, type ReviewMark } from './since-review.js';
import { VersionList } from './VersionList.js';
import { CompareView } from './CompareView.js';
import { SegmentHistory } from './SegmentHistory.js';
import { ConfirmDialog, SaveVersionDialog } from './HistoryDialogs.js';
import { exactTime } from './VersionTime.js';
import { segmentText } from './segment-text.js';
import { ReviewRoom } from '../../shared/schema.js';

type View = { kind: 'list' } | { kind: 'compare'; version: Version; reason?: string } | { kind: 'segment'; segmentId: string; back: View };
type Asking = { kind: 'save' } | { kind: 'delete'; version: Version } | { kind: 'restore'; version: Version; segmentId?: string } | null;

const message = (e: unknown) => (e instanceof ApiError ? e.message : 'Something went wrong. Try again.');

export function HistoryPanel({ desk, review, onClose }: { desk: ReviewDesk; review: ReviewSession; onClose: () => void }) {
  const api = useMemo(() => historyApi(desk.docId, () => desk.token), [desk]);
  const facts = useStore(review);
  const order = useStore(desk.order);
  const rows = useMemo(() => new Map(order.map((id, i) => [id, i + 1])), [order]);
  const canEdit = desk.me.role === 'editor';
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [error, setError] = useState('');
  const [view, setView] = useState<View>({ kind: 'list' });
  const [asking, setAsking] = useState<Asking>(null);
  const [token, setToken] = useState<string | null>(null);
  useEffect(() => void desk.token.then(setToken), [desk]);

  const refresh = useCallback(() => {
    api.list().then(
      (found) => (setVersions(found), setError('')),
      (e: unknown) => setError(message(e)),
    );
  }, [api]);
  // Fetched when shown, and again when the window gets the focus back (others may have saved one).
  useEffect(() => {
    if (view.kind !== 'list') return;
    refresh();
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [refresh, view.kind]);
  // Back in the list from a view whose button took the focus with it: the list's first action has it.
  const actions = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (view.kind === 'list' && (document.activeElement === document.body || !document.activeElement)) actions.current?.querySelector('button')?.focus();
  }, [view.kind]);

  const draft = versions && draftOf(versions);
  // Read on each render: a mark's record comes in the same review room change as its status (facts).
  const mark = lastReview(review.doc.getMap<ReviewMark>(ReviewRoom.reviewedIn).values(), facts.statuses, desk.me.name);
  const since = versions && mark ? versionOfReview(versions, mark) : null;
  const sinceReview = since?.version ?? null;

  const save = async (name: string) => {
    try {
      const saved = await api.save(name);
      setVersions((was) => [saved, ...(was ?? [])]);
      setAsking(null);
      desk.notify(`Saved version “${saved.name}”.`);
      return true;
    } catch (e) {
      desk.notify(message(e), 'error');
      return false;
    }
  };
  const remove = async (version: Version) => {
    try {
      await api.remove(version.id);
      setAsking(null);
      desk.notify(`Deleted version “${version.name}”.`);
      refresh();
      return true;
    } catch (e) {
      desk.notify(message(e), 'error');
      return false;
    }
  };
  const restore = async (version: Version, segmentId?: string) => {
    try {
      const { before } = await api.restore(version.id, segmentId);
      setAsking(null);
      setView({ kind: 'list' });
      refresh();
      const what = segmentId ? `Segment ${rows.get(segmentId) ?? ''} is back as in` : 'Restored';
      desk.notify(`${what} “${version.name}”. “${before.name}” keeps the text as it was.`);
      return true;
    } catch (e) {
      desk.notify(message(e), 'error');
      return false;
    }
  };

  const back = view.kind === 'segment' ? view.back : view.kind === 'compare' ? { kind: 'list' as const } : null;
  const subtitle =
    view.kind === 'compare' ? 'Comparing with the current text' : view.kind === 'segment' ? 'One segment' : versions ? plural(versions.length, 'version') : 'Loading…';
  const done = () => {
    onClose();
    document.getElementById('translation')?.focus();
  };

  // The dialogs sit outside the panel, whose Escape would close it along with them.
  return (
    <>
    <SidePanel
      title="History"
      subtitle={subtitle}
      onClose={onClose}
      testId="history-panel"
      footer={
        back && (
          <div className="history-foot">
            <button type="button" className="button small" onClick={() => setView(back)} data-testid="history-back">
              ← {back.kind === 'list' ? 'All versions' : 'Back to the comparison'}
            </button>
            <button type="button" className="button small primary" onClick={done} data-testid="history-done">
              Back to editing
            </button>
          </div>
        )
      }
    >
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {view.kind === 'list' && (
        <>
          <div className="history-actions" ref={actions}>
            {canEdit && (
              <button type="button" className="button small primary" onClick={() => setAsking({ kind: 'save' })} data-testid="save-version">
                Save version…
              </button>
            )}
            <button type="button" className="button small" disabled={!draft} onClick={() => draft && setView({ kind: 'compare', version: draft })} data-testid="compare-draft">
              Compare with the draft
            </button>
            {(desk.me.role === 'reviewer' || (canEdit && sinceReview)) && (
              <button
                type="button"
                className="button small"
                disabled={!sinceReview}
                title={sinceReview ? undefined : 'You have not marked a segment Reviewed yet (or no version is older than your marks): pick a version below.'}
                onClick={() =>
                  since &&
                  mark &&
                  setView({
                    kind: 'compare',
                    version: since.version,
                    reason: `Since you last reviewed (${exactTime(mark.at)}): ${since.exact ? 'the version your mark was made on' : 'the newest version saved before that'}.`,
                  })
                }
                data-testid="since-review"
              >
                Since I last reviewed
              </button>
            )}
          </div>
          {versions && <VersionList versions={versions} canEdit={canEdit} onOpen={(version) => setView({ kind: 'compare', version })} onDelete={(version) => setAsking({ kind: 'delete', version })} />}
        </>
      )}
      {view.kind === 'compare' && (
        <CompareView
          api={api}
          version={view.version}
          reason={view.reason}
          targetLang={facts.targetLang}
          rows={rows}
          canRestore={canEdit}
          token={token}
          onRestore={(version) => setAsking({ kind: 'restore', version })}
          onSegment={(segmentId) => setView({ kind: 'segment', segmentId, back: view })}
        />
      )}
      {view.kind === 'segment' && (
        <SegmentHistory
          api={api}
          segmentId={view.segmentId}
          row={rows.get(view.segmentId)}
          targetLang={facts.targetLang}
          current={() => {
            const change = review.doc.getMap<{ by: string | null; at: number }>(ReviewRoom.changed).get(view.segmentId);
            return { text: segmentText(desk.content, view.segmentId), by: change?.by ?? null, at: change?.at ?? null };
          }}
          onRestore={canEdit ? (entry) => setAsking({ kind: 'restore', version: entry.version, segmentId: view.segmentId }) : undefined}
        />
      )}
    </SidePanel>

      {asking?.kind === 'save' && <SaveVersionDialog onSave={save} onClose={() => setAsking(null)} />}
      {asking?.kind === 'delete' && (
        <ConfirmDialog title="Delete this version?" action="Delete version" busy="Deleting…" danger onConfirm={() => remove(asking.version)} onClose={() => setAsking(null)}>
          <strong className="version-confirm-name">{asking.version.name}</strong>
          <p className="muted">
            {asking.version.author ? `Saved by ${asking.version.author}, ` : 'Saved '}
            {exactTime(asking.version.createdAt)}.
          </p>
          <p>The article keeps its text; only this saved version goes. This cannot be undone.</p>
        </ConfirmDialog>
      )}
      {asking?.kind === 'restore' && (
        <ConfirmDialog
          title={asking.segmentId ? `Restore segment ${rows.get(asking.segmentId) ?? ''} only?` : 'Restore this version?'}
          action="Restore"
          busy="Restoring…"
          onConfirm={() => restore(asking.version, asking.segmentId)}
          onClose={() => setAsking(null)}
        >
          <strong className="version-confirm-name">{asking.version.name}</strong>
          <p className="muted">
            {asking.version.author ? `Saved by ${asking.version.author}, ` : 'Saved '}
            {exactTime(asking.version.createdAt)}.
          </p>
          <p>
            {asking.segmentId
              ? 'This segment’s text becomes this version’s, for everyone who has it open; no other segment changes.'
              : 'The article’s text becomes this version’s, for everyone who has it open.'}{' '}
            First the current text is saved as “Before restoring {asking.version.name}”, so you can undo this by restoring that version.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
