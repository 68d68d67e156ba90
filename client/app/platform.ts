// Whether the keyboard has ⌘ (shortcuts and their labels follow it).
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
