// What the page's small popups share: a pointer press or focus outside closes them, and in a menu the
// arrow keys move between its items.
import { useEffect, type RefObject } from 'react';

/** While `open`, a pointer press or focus outside `root` calls setOpen(false). */
export function useDismiss(open: boolean, root: RefObject<HTMLElement | null>, setOpen: (open: boolean) => void): void {
  useEffect(() => {
    if (!open) return;
    const away = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('focusin', away);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('focusin', away);
    };
  }, [open, root, setOpen]);
}

/** ArrowDown / ArrowUp focus the next / previous of root's `items`, wrapping around; true if handled. */
export function moveFocus(event: React.KeyboardEvent, root: HTMLElement | null, items: string): boolean {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return false;
  event.preventDefault();
  const all = [...(root?.querySelectorAll<HTMLElement>(items) ?? [])];
  const at = all.indexOf(document.activeElement as HTMLElement);
  all[(at + (event.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length]?.focus();
  return true;
}
