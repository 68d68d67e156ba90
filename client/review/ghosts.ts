// The "ghosts": proposed text of insertions and replacements as small labels in the suggester's
// colour, above the line at the anchor's end (an insertion adds a caret mark), in a layer of our
// own over the sheet; and the suggester's caret. The painter measures first and writes here after,
// so a frame lays out once.
import type { Suggestion } from '../../shared/review/types.js';

const GHOST_CHARS = 48;

export interface GhostPlan {
  suggestion: Suggestion;
  color: string;
  active: boolean;
  /** The box of the anchor's end, in the viewport. */
  rect: DOMRect;
}

const at = (rect: DOMRect, origin: DOMRect) => `translate(${Math.round(rect.left - origin.left)}px, ${Math.round(rect.top - origin.top)}px)`;

export class GhostLayer {
  private readonly ghosts = new Map<string, HTMLElement>();
  private readonly caret = document.createElement('div');

  constructor(private readonly layer: HTMLElement) {
    this.caret.className = 'review-caret';
    this.caret.hidden = true;
    layer.append(this.caret);
  }

  destroy(): void {
    for (const ghost of this.ghosts.values()) ghost.remove();
    this.caret.remove();
  }

  has(id: string): boolean {
    return this.ghosts.has(id);
  }

  remove(id: string): void {
    this.ghosts.get(id)?.remove();
    this.ghosts.delete(id);
  }

  /** Removes every ghost but those of `ids`. */
  retain(ids: ReadonlySet<string>): void {
    for (const id of [...this.ghosts.keys()]) if (!ids.has(id)) this.remove(id);
  }

  setCaret(rect: DOMRect | null, origin: DOMRect | null): void {
    const hidden = !rect || !origin;
    // Setting `hidden` to what it already is still schedules a style recalculation.
    if (this.caret.hidden !== hidden) this.caret.hidden = hidden;
    if (!rect || !origin) return;
    this.caret.style.height = `${rect.height}px`;
    this.caret.style.transform = at(rect, origin);
  }

  place({ suggestion, color, active, rect }: GhostPlan, origin: DOMRect): void {
    let ghost = this.ghosts.get(suggestion.id);
    if (!ghost) {
      ghost = document.createElement('div');
      ghost.className = 'review-ghost';
      ghost.dataset.reviewId = suggestion.id;
      ghost.innerHTML = '<span class="ghost-caret"></span><span class="ghost-text"></span>';
      this.layer.append(ghost);
      this.ghosts.set(suggestion.id, ghost);
    }
    const text = suggestion.text.length > GHOST_CHARS ? `${suggestion.text.slice(0, GHOST_CHARS)}…` : suggestion.text;
    const label = ghost.lastElementChild as HTMLElement;
    if (label.textContent !== text) label.textContent = text;
    ghost.classList.toggle('insert', suggestion.kind === 'insert');
    ghost.classList.toggle('active', active);
    ghost.title = `${suggestion.author} suggests ${suggestion.kind === 'insert' ? 'inserting' : 'replacing with'} “${suggestion.text}”`;
    ghost.style.setProperty('--author', color);
    const height = `${rect.height}px`;
    if (ghost.style.height !== height) ghost.style.height = height;
    ghost.style.transform = at(rect, origin);
  }
}
