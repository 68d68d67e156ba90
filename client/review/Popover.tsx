// A button with a small popover below it; Escape or a click elsewhere closes it.
import { useRef, useState, type ReactNode } from 'react';
import { useDismiss } from '../app/popup.js';

interface Props {
  button: ReactNode;
  label: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}

export function Popover({ button, label, className = '', testId, children }: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useDismiss(open, root, setOpen);
  return (
    <div className={`popover-root ${className}`} ref={root} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button type="button" className="popover-button" aria-expanded={open} aria-label={label} title={label} data-testid={testId} onClick={() => setOpen(!open)}>
        {button}
      </button>
      {open && (
        <div className="popover" role="dialog" aria-label={label}>
          {children}
        </div>
      )}
    </div>
  );
}
