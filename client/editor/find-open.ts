// Whether the find and replace bar is open: the toolbar's button and the shortcut open it, the bar
// closes it.
import { ValueStore } from '../app/store.js';

export const findOpen = new ValueStore(false);
