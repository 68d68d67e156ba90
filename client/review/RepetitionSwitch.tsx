// The article's "Propagate repetitions" switch (SPEC 18.24), in the sheet's head: on, confirming a
// segment fills the untouched drafts with the same source; editors turn it off and on, everyone
// sees it, and how many segments repeat a source. An icon alone, struck through when off, so the
// head keeps room for the column's name and the formatting tools (SPEC 10.13).
import { useStore } from '../app/store.js';
import type { ReviewDesk } from './desk.js';
import { Popover } from './Popover.js';
import { RepeatIcon } from '../ui/icons.js';
import { repetitionsOf, setPropagation } from './repetitions.js';

export function RepetitionSwitch({ desk }: { desk: ReviewDesk }) {
  const store = repetitionsOf(desk);
  const propagate = useStore(store, (facts) => facts.propagate);
  const repeated = useStore(store, (facts) => facts.groups.size);
  const editor = desk.me.role === 'editor';
  return (
    <Popover
      className={propagate ? 'repeat-settings on' : 'repeat-settings'}
      label={`Repetitions: ${propagate ? 'filled on confirmation' : 'not filled'}`}
      testId="repetitions"
      button={<RepeatIcon off={!propagate} />}
    >
      <div className="repeat-settings-body">
        <h3>Repetitions</h3>
        <label className="repeat-switch">
          <input
            type="checkbox"
            role="switch"
            checked={propagate}
            disabled={!editor}
            data-testid="propagate-repetitions"
            onChange={(event) => void setPropagation(desk, event.target.checked)}
          />
          Propagate repetitions
        </label>
        <p className="muted">
          {propagate
            ? 'Confirming a segment fills the drafts with the same source that nobody edited. They stay drafts, with a comment.'
            : 'Confirming a segment leaves its repetitions alone; its status menu can fill them.'}
        </p>
        <p className="muted">{repeated === 0 ? 'No segment repeats another’s source.' : `${repeated} segments share their source with another.`}</p>
        {!editor && <p className="muted">Editors change this.</p>}
      </div>
    </Popover>
  );
}
