// The sheet head's tools: at the translation's end the editor's toolbar (or, for others, what they
// can do here); at the source's end what concerns the whole article, the repetitions switch and
// the keyboard help, so the translation's name keeps its room beside the toolbar (SPEC 10.13).
import type { ReactNode } from 'react';
import { SEGMENT_STATES } from '../../shared/schema.js';
import { useStore } from '../app/store.js';
import { useDesk, type ReviewDesk } from './desk.js';
import { Popover } from './Popover.js';
import { SHORTCUT } from '../sheet/shortcuts.js';
import { CONFIRM_SHORTCUT, STATE_LABEL, statusShortcut } from './status-keys.js';
import { MERGE_SHORTCUT, SPLIT_SHORTCUT } from './structure.js';
import { RepetitionSwitch } from './RepetitionSwitch.js';

export function SheetTools({ children }: { children?: ReactNode }) {
  const desk = useDesk();
  if (!desk) return children ?? <span className="read-only-note">Read only</span>;
  return <span className="sheet-tools">{children ?? <ModeNote desk={desk} />}</span>;
}

export function ArticleTools() {
  const desk = useDesk();
  if (!desk) return null;
  return (
    <span className="sheet-tools article-tools">
      <RepetitionSwitch desk={desk} />
      <Popover className="review-help" label="Keyboard shortcuts" testId="help" button={<span aria-hidden="true">?</span>}>
        <Help desk={desk} />
      </Popover>
    </span>
  );
}

function ModeNote({ desk }: { desk: ReviewDesk }) {
  const mode = useStore(desk.mode);
  if (mode !== 'suggesting') return <span className="read-only-note">Read only</span>;
  return (
    <span className="read-only-note suggesting" title="Select text to suggest a change or to comment; click and type to suggest an insertion">
      Suggesting
    </span>
  );
}

function Keys({ rows }: { rows: Array<[string, string]> }) {
  return (
    <dl>
      {rows.map(([keys, what]) => (
        <div key={keys} className="help-row">
          <dt>{keys}</dt>
          <dd>{what}</dd>
        </div>
      ))}
    </dl>
  );
}

function Help({ desk }: { desk: ReviewDesk }) {
  const mode = useStore(desk.mode);
  const statuses = desk.me.role === 'reviewer' ? (['reviewed'] as const) : desk.me.role === 'editor' ? SEGMENT_STATES : [];
  return (
    <div className="help">
      {mode === 'editing' && (
        <>
          <h3>Editing</h3>
          <Keys
            rows={[
              [SHORTCUT.bold, 'Bold'],
              [SHORTCUT.italic, 'Italic'],
              [SHORTCUT.link, 'Link'],
              [SHORTCUT.undo, 'Undo your last change'],
              [SHORTCUT.redo, 'Redo'],
              [SHORTCUT.find, 'Find and replace'],
              [SHORTCUT.save, 'Show the save state'],
              [SHORTCUT.comment, 'Comment on the selection'],
              [SPLIT_SHORTCUT, 'Split the segment at the caret'],
              [MERGE_SHORTCUT, 'Merge the segment with the next'],
            ]}
          />
        </>
      )}
      {mode === 'suggesting' && (
        <>
          <h3>Suggesting</h3>
          <Keys
            rows={[
              ['Select, type', 'Suggest a replacement'],
              ['Select, Delete', 'Suggest a deletion'],
              ['Click, type', 'Suggest an insertion'],
              ['Enter · Esc', 'Send · cancel'],
              [SHORTCUT.comment, 'Comment on the selection'],
            ]}
          />
        </>
      )}
      {statuses.length > 0 && (
        <>
          <h3>Status of the segment at the caret</h3>
          <Keys
            rows={[
              [CONFIRM_SHORTCUT, `${desk.me.role === 'editor' ? 'Translated' : 'Reviewed'}, next segment`],
              ...statuses.map((state): [string, string] => [statusShortcut(state), STATE_LABEL[state]]),
              ['↑ ↓ on a status', 'Row above · below'],
            ]}
          />
        </>
      )}
      <h3>Translation memory</h3>
      <Keys
        rows={[
          [SHORTCUT.memory, 'Memory panel: matches for the segment'],
          ...(mode === 'reading' ? [] : [[`${SHORTCUT.match(1)} … ${SHORTCUT.match(5)}`, mode === 'editing' ? 'Insert match 1 … 5' : 'Suggest match 1 … 5'] as [string, string]]),
          [SHORTCUT.concordance, 'Search the memory for the selection'],
        ]}
      />
      {mode === 'reading' && <p className="muted">Viewers read and export; suggestions and comments show in the margin.</p>}
    </div>
  );
}
