// How the desk's editing shortcuts are written, in tooltips and the keyboard help: ⌘ on a Mac.
import { IS_MAC } from '../app/platform.js';

const MOD = IS_MAC ? '⌘' : 'Ctrl+';

export const SHORTCUT = {
  bold: `${MOD}B`,
  italic: `${MOD}I`,
  link: `${MOD}K`,
  undo: `${MOD}Z`,
  redo: IS_MAC ? '⇧⌘Z' : 'Ctrl+Y',
  find: IS_MAC ? '⇧⌘H' : 'Ctrl+H',
  save: `${MOD}S`,
  comment: IS_MAC ? '⌘⌥M' : 'Ctrl+Alt+M',
  // memoQ's letters; Ctrl+T, Ctrl+Shift+T and Ctrl+J are the browser's, Ctrl+Alt+T a Linux terminal's.
  split: IS_MAC ? '⌥⇧T' : 'Alt+Shift+T',
  merge: IS_MAC ? '⌥⇧J' : 'Alt+Shift+J',
  memory: IS_MAC ? '⌥⇧M' : 'Alt+Shift+M',
  concordance: IS_MAC ? '⇧⌘K' : 'Ctrl+Shift+K',
  /** Match n of the Memory panel. */
  match: (n: number) => `${MOD}${n}`,
} as const;
