// The article's QA profile in the QA panel: each check on, as a warning, or off. Editors change it
// (stored for everyone through the HTTP API); others read it.
import { useStore } from '../app/store.js';
import type { DeskTools } from './desk-tools.js';
import { useDesk } from '../review/desk.js';
import { CHECK_SETTINGS, type CheckSetting } from '../../shared/qa/profile.js';
import { QA_CHECKS } from '../../shared/qa/types.js';
import { CHECKS } from './qa-labels.js';

const SETTING_LABELS: Record<CheckSetting, string> = { on: 'On', warning: 'As a warning', off: 'Off' };

export function QaProfileEditor({ tools }: { tools: DeskTools }) {
  const desk = useDesk();
  const profile = useStore(tools.qa, (s) => s.profile);
  const changed = QA_CHECKS.filter((c) => (profile[c] ?? 'on') !== 'on').length;
  const set = (check: (typeof QA_CHECKS)[number], setting: CheckSetting) => {
    if (desk) void desk.run(() => desk.api.setQaProfile({ ...profile, [check]: setting }));
  };
  return (
    <details className="qa-profile" data-testid="qa-profile">
      <summary>
        Checks for this article
        {changed > 0 && <span className="qa-profile-changed"> · {changed} changed</span>}
      </summary>
      <ul className="qa-profile-list">
        {QA_CHECKS.map((check) => (
          <li key={check}>
            <label htmlFor={`qa-setting-${check}`} title={CHECKS[check].hint}>
              {CHECKS[check].label}
            </label>
            <select
              id={`qa-setting-${check}`}
              value={profile[check] ?? 'on'}
              disabled={!tools.editable}
              onChange={(event) => set(check, event.target.value as CheckSetting)}
            >
              {CHECK_SETTINGS.map((setting) => (
                <option key={setting} value={setting}>
                  {SETTING_LABELS[setting]}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
    </details>
  );
}
