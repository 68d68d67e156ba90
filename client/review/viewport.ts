// Which segments are on screen (or close to it). Chromium rebuilds every custom highlight's
// markers on each change to the DOM, typing included, so the painter registers only the ranges of
// segments near the viewport: the cost of a keystroke stays flat however much of the article is
// under review.
const MARGIN = '400px 0px';

export class Viewport {
  readonly visible = new Set<string>();
  private readonly watched = new WeakSet<Element>();
  private readonly observer: IntersectionObserver;

  constructor(onChange: () => void) {
    this.observer = new IntersectionObserver(
      (entries) => {
        let changed = false;
        for (const entry of entries) {
          const id = (entry.target as HTMLElement).dataset.segmentId;
          if (!id) continue;
          const had = this.visible.has(id);
          if (entry.isIntersecting && !had) (this.visible.add(id), (changed = true));
          else if (!entry.isIntersecting && had) (this.visible.delete(id), (changed = true));
        }
        if (changed) onChange();
      },
      { rootMargin: MARGIN },
    );
  }

  /** Watches every segment element of the editor's root not watched yet. */
  watch(root: HTMLElement): void {
    for (const section of root.querySelectorAll('section[data-segment-id]')) {
      if (this.watched.has(section)) continue;
      this.watched.add(section);
      this.observer.observe(section);
    }
  }

  destroy(): void {
    this.observer.disconnect();
  }
}
