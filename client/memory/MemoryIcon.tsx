// The header's Memory button: stacked records (nothing fetched).
import { Icon } from '../ui/Icon.js';

export const MemoryIcon = () => (
  <Icon>
    <ellipse cx="12" cy="5.5" rx="7.5" ry="2.5" />
    <path d="M4.5 5.5v6.5c0 1.4 3.4 2.5 7.5 2.5s7.5-1.1 7.5-2.5V5.5" />
    <path d="M4.5 12v6.5c0 1.4 3.4 2.5 7.5 2.5s7.5-1.1 7.5-2.5V12" />
  </Icon>
);
