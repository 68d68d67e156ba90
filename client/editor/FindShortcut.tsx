// Find and replace's key (Ctrl+H, ⌘⇧H on a Mac) and the slot of its bar (FindBar.tsx), which loads
// after the first paint: fetched when the page is idle once the article is on screen, or by the first
// press of the key or the toolbar's button, which open it as soon as it is in.
import { useEffect } from 'react';
import { IS_MAC } from '../app/platform.js';
import { useStore } from '../app/store.js';
import { lazyPart, useLazyPart } from '../app/lazy-part.js';
import { findOpen } from './find-open.js';

export const findBar = lazyPart(() => import('./FindBar.js'));

const isFindKey = (e: KeyboardEvent) => e.key.toLowerCase() === 'h' && !e.altKey && (IS_MAC ? e.metaKey && e.shiftKey : e.ctrlKey && !e.shiftKey);

export function FindShortcut() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isFindKey(event)) return;
      event.preventDefault();
      findOpen.set(true);
      // Open already: take the focus back to the field.
      document.querySelector<HTMLInputElement>('.find-bar input')?.select();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, []);
  return null;
}

export function FindBar() {
  const open = useStore(findOpen);
  const loaded = useLazyPart(findBar, open);
  return open && loaded ? <loaded.OpenFindBar /> : null;
}
