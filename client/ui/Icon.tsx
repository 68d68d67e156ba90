// The page's line icons: 24-unit SVG paths drawn inline (no icon font, nothing fetched).
import type { ReactNode } from 'react';

export function Icon({ size = 16, className, children }: { size?: number; className?: string; children: ReactNode }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
      className={className}
    >
      {children}
    </svg>
  );
}

// Drawn rather than typed: the UI font's subset has no arrow or triangle, and a glyph from a system
// font costs a font lookup on the page's first layout (and looks different on every system).
export const ChevronDownIcon = ({ size = 14 }: { size?: number }) => (
  <Icon size={size}>
    <path d="m6 9 6 6 6-6" />
  </Icon>
);

export const ArrowRightIcon = ({ size = 14 }: { size?: number }) => (
  <Icon size={size}>
    <path d="M5 12h14" />
    <path d="m13 6 6 6-6 6" />
  </Icon>
);
