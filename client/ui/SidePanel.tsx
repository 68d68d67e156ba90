// The frame of a side panel beside the article: a title, a status line, a close button, a body
// that scrolls and an optional footer. Escape inside it closes it.
import type { ReactNode } from 'react';

interface Props {
  title: string;
  subtitle?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  testId?: string;
}

export function SidePanel({ title, subtitle, onClose, children, footer, testId }: Props) {
  return (
    <aside
      className="side-panel"
      aria-label={title}
      data-testid={testId}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) onClose();
      }}
    >
      <div className="side-panel-head">
        <div className="side-panel-titles">
          <h2>{title}</h2>
          {subtitle && <div className="side-panel-sub">{subtitle}</div>}
        </div>
        <button type="button" className="icon-button" aria-label={`Close ${title}`} onClick={onClose}>
          ×
        </button>
      </div>
      <div className="side-panel-body">{children}</div>
      {footer && <div className="side-panel-foot">{footer}</div>}
    </aside>
  );
}
