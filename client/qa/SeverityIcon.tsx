// An issue's severity as its icon (ui/icons.tsx draws the page's icons).
import type { QaSeverity } from './qa-types.js';
import { Icon } from '../ui/icons.js';

export function SeverityIcon({ severity }: { severity: QaSeverity }) {
  if (severity === 'error')
    return (
      <Icon className="sev-icon sev-error">
        <circle cx="12" cy="12" r="9" />
        <path d="M12 7.5v5.5M12 16.5h.01" />
      </Icon>
    );
  if (severity === 'warning')
    return (
      <Icon className="sev-icon sev-warning">
        <path d="M10.3 3.9 2.4 17.5A2 2 0 0 0 4.1 20.5h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" />
        <path d="M12 9v4M12 17h.01" />
      </Icon>
    );
  return (
    <Icon className="sev-icon sev-info">
      <circle cx="12" cy="12" r="9" />
      <path d="M12 11v5.5M12 7.5h.01" />
    </Icon>
  );
}
