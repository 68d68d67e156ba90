// The Memory panel's keys that work wherever the page is (SPEC 18.10, 18.12): Alt+Shift+M (⌥⇧M)
// opens or closes the panel, Ctrl+Shift+K (⇧⌘K) searches the memory for the selected text
// (memoQ's and Phrase's concordance key is Ctrl+K, the desk's link here). Matched by event.code:
// a Mac types a character with ⌥⇧M.
import { IS_MAC } from '../app/platform.js';
import { panels } from '../app/panel-store.js';
import { askConcordance } from './concordance-query.js';

/** The longest selection searched for (the API takes 500 characters). */
const MAX_QUERY = 200;

export function registerMemoryKeys(): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    const toggle = event.code === 'KeyM' && event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey;
    const concordance = event.code === 'KeyK' && event.shiftKey && !event.altKey && (IS_MAC ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey);
    if (!toggle && !concordance) return;
    event.preventDefault();
    event.stopPropagation();
    if (toggle) return panels.toggle('memory');
    const selected = document.getSelection()?.toString().replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY) ?? '';
    panels.set('memory');
    askConcordance(selected);
  };
  // Capture: ahead of the editor, so Lexical never sees the keystroke.
  document.addEventListener('keydown', onKeyDown, true);
  return () => document.removeEventListener('keydown', onKeyDown, true);
}
