// Which glossary term's tooltip is showing, for the one tooltip of the page. Leaving a term hides
// it after a short grace period, so the pointer can travel to the tooltip's Insert button.
import type { GlossaryEntry } from '../../shared/qa/index.js';
import { Listeners } from '../app/store.js';

export interface TipState {
  entry: GlossaryEntry;
  anchor: HTMLElement;
  segmentId: string;
}

const GRACE_MS = 220;

class TipStore {
  private state: TipState | null = null;
  private timer = 0;
  private readonly listeners = new Listeners();

  readonly subscribe = this.listeners.subscribe;

  readonly get = (): TipState | null => this.state;

  show(state: TipState): void {
    this.keep();
    if (this.state?.anchor === state.anchor && this.state.entry === state.entry) return;
    this.set(state);
  }

  /** Cancels a pending hide (the pointer reached the tooltip). */
  keep(): void {
    clearTimeout(this.timer);
  }

  hideSoon(): void {
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.hide(), GRACE_MS);
  }

  hide(): void {
    clearTimeout(this.timer);
    if (this.state) this.set(null);
  }

  private set(state: TipState | null): void {
    this.state = state;
    this.listeners.notify();
  }
}

export const termTip = new TipStore();
export const TERM_TIP_ID = 'glossary-term-tip';
