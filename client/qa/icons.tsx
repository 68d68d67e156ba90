// Small inline icons of the QA and glossary parts (nothing fetched).
import type { QaSeverity } from './qa-types.js';
import { Icon } from '../ui/Icon.js';

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

export const ShieldIcon = () => (
  <Icon>
    <path d="M12 3 4.5 6v5.5c0 4.6 3.2 8.3 7.5 9.5 4.3-1.2 7.5-4.9 7.5-9.5V6L12 3Z" />
    <path d="m9 12 2 2 4-4" />
  </Icon>
);

export const BookIcon = () => (
  <Icon>
    <path d="M4 19.5V5a2 2 0 0 1 2-2h13v15H6a2 2 0 0 0-2 2Zm0 0A2 2 0 0 0 6 21.5h13" />
    <path d="M8 7h7M8 11h5" />
  </Icon>
);
