// Icons of the review UI, drawn inline (nothing fetched).
const common = { width: 16, height: 16, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true } as const;

export const PenIcon = () => (
  <svg {...common}>
    <path d="M12 20h9" />
    <path d="M16.5 3.5a2.12 2.12 0 0 1 3 3L7 19l-4 1 1-4Z" />
  </svg>
);

export const EraseIcon = () => (
  <svg {...common}>
    <path d="M20 5H9l-7 7 7 7h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2Z" />
    <path d="m17 9-6 6" />
    <path d="m11 9 6 6" />
  </svg>
);

export const CommentIcon = () => (
  <svg {...common}>
    <path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z" />
  </svg>
);

export const CheckIcon = () => (
  <svg {...common}>
    <path d="M20 6 9 17l-5-5" />
  </svg>
);

export const CrossIcon = () => (
  <svg {...common}>
    <path d="M18 6 6 18" />
    <path d="m6 6 12 12" />
  </svg>
);

export const InsertIcon = () => (
  <svg {...common}>
    <path d="M12 5v14" />
    <path d="M5 12h14" />
  </svg>
);

export const PanelIcon = () => (
  <svg {...common}>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <path d="M15 4v16" />
  </svg>
);
