// Aligns the source column with the translation, row by row, without touching Lexical's DOM. The
// source rows stack in normal flow in a column laid over the sheet, in the editor's segment order,
// and each row takes its <section>'s height, straight from a ResizeObserver entry: nothing is read
// from the layout, and a section that changes height rewrites one row (the rows below follow by
// themselves). Each section gets room for its source row's two parts through per-segment custom
// properties in a style sheet of our own: --src-h (the source text's height) and --gutter-h (the
// number, status and review counts). Typing costs nothing here unless a row's height really changes.
// A part's new height is written on the next frame, never inside the observer's callback: the
// sections it resizes sit higher in the tree, and resizing them there would end the observer's
// loop with undelivered notifications (an error event on the page). Whoever draws over the text at
// measured places (other people's cursors) hears when the rows may have moved (onRowsMoved).
import { Listeners } from '../app/store.js';

export interface SourceBlock {
  block: HTMLElement;
  /** The number, status and counts beside the source (natural height). */
  gutter: HTMLElement;
  /** The source text's own box (natural height); null for a segment without a source. */
  text: HTMLElement | null;
}

type Part = '--src-h' | '--gutter-h';

export class Aligner {
  private readonly sheet = new CSSStyleSheet();
  private readonly rules = new Map<string, CSSStyleRule>();
  private readonly sections = new Map<string, HTMLElement>();
  private readonly sectionHeights = new Map<string, number>();
  private readonly blocks = new Map<string, SourceBlock>();
  /** What an observed element is: a segment's section, or a part of its source row. */
  private readonly owner = new WeakMap<Element, { id: string; part: Part | null }>();
  private heightsFrame = 0;
  private readonly queued = new Map<string, Map<Part, number | null>>();
  private readonly observer = new ResizeObserver((entries) => this.resized(entries));
  private readonly movedListeners = new Listeners();

  constructor(private readonly scope: string) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
  }

  destroy(): void {
    this.observer.disconnect();
    cancelAnimationFrame(this.heightsFrame);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== this.sheet);
  }

  /** The editor's segments in order, with their <section> elements. */
  setSections(list: ReadonlyArray<{ id: string; element: HTMLElement | null }>): void {
    const next = new Map(list.filter((s) => s.element).map((s) => [s.id, s.element!] as const));
    for (const [id, element] of this.sections) {
      if (next.get(id) === element) continue;
      this.observer.unobserve(element);
      this.sectionHeights.delete(id);
    }
    for (const [id, element] of next) {
      if (this.sections.get(id) === element) continue;
      this.owner.set(element, { id, part: null });
      // A new observation always reports the current size once: that places the row.
      this.observer.observe(element, { box: 'border-box' });
    }
    this.sections.clear();
    for (const [id, element] of next) this.sections.set(id, element);
  }

  /** Calls `listener` after sections change size or a row's text moves beside or away from a source. */
  onRowsMoved(listener: () => void): () => void {
    return this.movedListeners.subscribe(listener);
  }

  private rowsMoved(): void {
    this.movedListeners.notify();
  }

  /** Registers (or, with null, forgets) the source block of a segment. */
  setBlock(id: string, block: SourceBlock | null): void {
    const old = this.blocks.get(id);
    for (const element of [old?.gutter, old?.text]) if (element) this.observer.unobserve(element);
    if (block === null) {
      this.blocks.delete(id);
      this.queueHeight(id, '--src-h', null);
      this.queueHeight(id, '--gutter-h', null);
      return;
    }
    this.blocks.set(id, block);
    const rule = this.rule(id);
    const hasSource = block.text ? '1' : '0';
    // Until its source row exists, a section lays out as if it had a source (the CSS default).
    const moved = (rule.style.getPropertyValue('--has-src') || '1') !== hasSource;
    rule.style.setProperty('--has-src', hasSource);
    if (moved) this.rowsMoved();
    this.observePart(id, '--gutter-h', block.gutter);
    if (block.text) this.observePart(id, '--src-h', block.text);
    else this.queueHeight(id, '--src-h', null);
    this.placeRow(id);
  }

  private observePart(id: string, part: Part, element: HTMLElement): void {
    this.owner.set(element, { id, part });
    this.observer.observe(element, { box: 'border-box' });
  }

  /** Whether the segment's source sits beside it (its row is narrower). */
  hasSource(id: string): boolean {
    return !!this.blocks.get(id)?.text;
  }

  /** Guesses of segments' content heights for while their sections are not laid out (row-estimates.ts). */
  setEstimates(heights: ReadonlyMap<string, number>): void {
    for (const [id, height] of heights) this.rule(id).style.setProperty('contain-intrinsic-size', `auto ${height}px`);
  }

  private resized(entries: ResizeObserverEntry[]): void {
    let sectionResized = false;
    for (const entry of entries) {
      const owner = this.owner.get(entry.target);
      if (owner === undefined) continue;
      const height = entry.borderBoxSize?.[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight;
      if (owner.part !== null) this.queueHeight(owner.id, owner.part, height);
      else if (this.sections.get(owner.id) === entry.target) {
        this.sectionHeights.set(owner.id, height);
        this.placeRow(owner.id);
        sectionResized = true;
      }
    }
    if (sectionResized) this.rowsMoved();
  }

  /** Gives a source row its section's height (rows without one yet stay hidden and flat). */
  private placeRow(id: string): void {
    const block = this.blocks.get(id)?.block;
    const height = this.sectionHeights.get(id);
    if (!block || height === undefined) return;
    block.style.height = `${height}px`;
    block.classList.add('placed');
  }

  /** A part's height, written on the next frame (see the top of this file). */
  private queueHeight(id: string, part: Part, height: number | null): void {
    let parts = this.queued.get(id);
    if (!parts) this.queued.set(id, (parts = new Map()));
    parts.set(part, height);
    if (this.heightsFrame) return;
    this.heightsFrame = requestAnimationFrame(() => {
      this.heightsFrame = 0;
      for (const [key, heights] of this.queued) for (const [name, value] of heights) this.setHeight(key, name, value);
      this.queued.clear();
    });
  }

  private rule(id: string): CSSStyleRule {
    let rule = this.rules.get(id);
    if (!rule) {
      const selector = `${this.scope} section[data-segment-id="${CSS.escape(id)}"]`;
      const index = this.sheet.insertRule(`${selector} {}`, this.sheet.cssRules.length);
      rule = this.sheet.cssRules[index] as CSSStyleRule;
      this.rules.set(id, rule);
    }
    return rule;
  }

  private setHeight(id: string, part: Part, height: number | null): void {
    const rule = this.rule(id);
    const value = height === null ? '' : `${Math.ceil(height * 100) / 100}px`;
    if (rule.style.getPropertyValue(part) === value) return;
    if (height === null) rule.style.removeProperty(part);
    else rule.style.setProperty(part, value);
  }
}
