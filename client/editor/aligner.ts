// Aligns the source column with the translation, row by row. Each segment's source sits in an
// absolutely placed block beside (or, on a narrow screen, above) its <section>; the section gets
// room for its source through a per-segment CSS custom property (--src-h) in a style sheet of our
// own, so Lexical's DOM is never touched. ResizeObservers drive everything: nothing runs per
// keystroke unless a row really changes height, and each pass reads all positions before writing.
// A source's new height is written on the next frame, never inside the observer's callback: the
// sections it resizes sit higher in the tree, and resizing them there would end the observer's
// loop with undelivered notifications (an error event on the page).
export interface SourceBlock {
  block: HTMLElement;
  /** The source text's own box (natural height); null for a segment without a source. */
  text: HTMLElement | null;
}

const NARROW = '(max-width: 760px)';

export class Aligner {
  private readonly sheet = new CSSStyleSheet();
  private readonly rules = new Map<string, CSSStyleRule>();
  private readonly sections = new Map<string, HTMLElement>();
  private readonly blocks = new Map<string, SourceBlock>();
  private readonly owner = new WeakMap<Element, string>();
  private readonly placed = new Map<string, string>();
  private order: string[] = [];
  private frame = 0;
  private heightsFrame = 0;
  private readonly heights = new Map<string, number | null>();
  private readonly observer = new ResizeObserver((entries) => this.resized(entries));
  private readonly media = window.matchMedia(NARROW);

  constructor(private readonly scope: string) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
    this.media.addEventListener('change', this.schedule);
  }

  destroy(): void {
    this.observer.disconnect();
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.heightsFrame);
    this.media.removeEventListener('change', this.schedule);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== this.sheet);
  }

  /** The editor's segments in order, with their <section> elements. */
  setSections(list: ReadonlyArray<{ id: string; element: HTMLElement | null }>): void {
    const next = new Map(list.filter((s) => s.element).map((s) => [s.id, s.element!] as const));
    for (const [id, element] of this.sections) {
      if (next.get(id) !== element) this.observer.unobserve(element);
    }
    for (const [id, element] of next) {
      if (this.sections.get(id) !== element) {
        this.owner.set(element, id);
        this.observer.observe(element, { box: 'border-box' });
      }
    }
    this.sections.clear();
    for (const [id, element] of next) this.sections.set(id, element);
    this.order = list.map((s) => s.id);
    this.schedule();
  }

  /** Registers (or, with null, forgets) the source block of a segment. */
  setBlock(id: string, block: SourceBlock | null): void {
    const old = this.blocks.get(id);
    if (old?.text) this.observer.unobserve(old.text);
    this.placed.delete(id);
    if (block === null) {
      this.blocks.delete(id);
      this.queueHeight(id, null);
      return;
    }
    this.blocks.set(id, block);
    this.rule(id).style.setProperty('--has-src', block.text ? '1' : '0');
    if (block.text) {
      this.owner.set(block.text, id);
      this.observer.observe(block.text, { box: 'border-box' });
    } else {
      this.queueHeight(id, null);
    }
    this.schedule();
  }

  private readonly schedule = (): void => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.place();
    });
  };

  private resized(entries: ResizeObserverEntry[]): void {
    for (const entry of entries) {
      const id = this.owner.get(entry.target);
      if (id === undefined || this.sections.get(id) === entry.target) continue;
      this.queueHeight(id, entry.borderBoxSize?.[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight);
    }
    this.place();
  }

  /** A source's height, written on the next frame (see the top of this file). */
  private queueHeight(id: string, height: number | null): void {
    this.heights.set(id, height);
    if (this.heightsFrame) return;
    this.heightsFrame = requestAnimationFrame(() => {
      this.heightsFrame = 0;
      for (const [key, value] of this.heights) this.setSourceHeight(key, value);
      this.heights.clear();
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

  private setSourceHeight(id: string, height: number | null): void {
    const rule = this.rule(id);
    const value = height === null ? '' : `${Math.ceil(height * 100) / 100}px`;
    if (rule.style.getPropertyValue('--src-h') === value) return;
    if (height === null) rule.style.removeProperty('--src-h');
    else rule.style.setProperty('--src-h', value);
  }

  /** Reads every section's box, then moves each source block to its row. */
  private place(): void {
    const narrow = this.media.matches;
    const boxes = this.order.map((id) => {
      const section = this.sections.get(id);
      return section ? { id, top: section.offsetTop, height: section.offsetHeight } : null;
    });
    for (const box of boxes) {
      if (!box) continue;
      const source = this.blocks.get(box.id);
      if (!source) continue;
      const key = narrow ? `${box.top}` : `${box.top}/${box.height}`;
      if (this.placed.get(box.id) === key) continue;
      this.placed.set(box.id, key);
      source.block.style.transform = `translateY(${box.top}px)`;
      source.block.style.height = narrow ? '' : `${box.height}px`;
      source.block.classList.add('placed');
    }
  }
}
