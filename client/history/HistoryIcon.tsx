// The header's History button: a clock with an arrow turning back (nothing fetched).
import { Icon } from '../ui/Icon.js';

export const HistoryIcon = () => (
  <Icon>
    <path d="M3.5 12a8.5 8.5 0 1 0 2.5-6" />
    <path d="M3 3.5V8h4.5" />
    <path d="M12 7.5V12l3 2" />
  </Icon>
);
