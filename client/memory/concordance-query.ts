// What the Memory panel's concordance searches for (SPEC 18.12): set by its field, or by the
// shortcut from the selection (none: the field takes the focus), and kept while the panel is closed.
// `asked` counts requests, so asking the same words again searches again.
import { ValueStore } from '../app/store.js';

export const concordanceQuery = new ValueStore<{ text: string; asked: number }>({ text: '', asked: 0 });

export function askConcordance(text: string): void {
  concordanceQuery.set({ text, asked: concordanceQuery.get().asked + 1 });
}
