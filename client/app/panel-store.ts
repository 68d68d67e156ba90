// Which side panel of the article page is open (one at a time), for the header's buttons and the
// panel itself. One article per page, so one store per page.
import { ValueStore } from './store.js';

export type PanelName = 'qa' | 'glossary' | 'history' | 'memory';

class PanelStore extends ValueStore<PanelName | null> {
  toggle(name: PanelName): void {
    this.set(this.get() === name ? null : name);
  }
}

export const panels = new PanelStore(null);
