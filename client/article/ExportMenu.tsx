// Export: the translation as plain text, Markdown or HTML, downloaded from the server.
import { useEffect, useRef, useState } from 'react';
import type { ExportFormat } from '../../shared/schema.js';
import { exportHref } from '../app/api.js';

const FORMATS: Array<{ format: ExportFormat; label: string; hint: string }> = [
  { format: 'txt', label: 'Plain text', hint: '.txt' },
  { format: 'md', label: 'Markdown', hint: '.md' },
  { format: 'html', label: 'HTML', hint: '.html' },
];

export function ExportMenu({ docId, token }: { docId: string; token: string }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('focusin', away);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('focusin', away);
    };
  }, [open]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      setOpen(false);
      button.current?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const items = [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
      const at = items.indexOf(document.activeElement as HTMLElement);
      items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  };

  return (
    <div className="menu-root" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Export <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="menu" role="menu" aria-label="Export as">
          {FORMATS.map(({ format, label, hint }) => (
            <a key={format} role="menuitem" className="menu-item" href={exportHref(docId, format, token)} download onClick={() => setOpen(false)}>
              <span>{label}</span>
              <span className="menu-hint">{hint}</span>
            </a>
          ))}
        </div>
      )}
    </div>
  );
}
