// Which side panel of the article page is open (one at a time), for the header's buttons and the
// panel itself. One article per page, so one store per page.
export type PanelName = 'qa' | 'glossary' | 'history' | 'memory';

class PanelStore {
  private open: PanelName | null = null;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly get = (): PanelName | null => this.open;

  set(name: PanelName | null): void {
    if (name === this.open) return;
    this.open = name;
    for (const listener of this.listeners) listener();
  }

  toggle(name: PanelName): void {
    this.set(this.open === name ? null : name);
  }
}

export const panels = new PanelStore();
