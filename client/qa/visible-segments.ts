// Which segments are on screen: QA marks are drawn only there. Chromium rebuilds every highlight
// range after each DOM change (measured: ~0.2 ms of CPU per range per keystroke), so limiting them
// to the viewport keeps typing cheap however long the article and its list of issues.
const SEGMENTS = 'section[data-segment-id]';

export class VisibleSegments {
  private readonly visible = new Set<Element>();
  private readonly watched = new Set<Element>();
  private readonly observer: IntersectionObserver;

  constructor(onChange: () => void) {
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) this.visible.add(entry.target);
          else this.visible.delete(entry.target);
        }
        onChange();
      },
      { rootMargin: '0px' },
    );
  }

  /** Starts watching the root's new segments and forgets those that left the page. */
  track(root: Element): void {
    for (const section of this.watched) {
      if (section.isConnected) continue;
      this.observer.unobserve(section);
      this.watched.delete(section);
      this.visible.delete(section);
    }
    for (const section of root.querySelectorAll(SEGMENTS)) {
      if (this.watched.has(section)) continue;
      this.watched.add(section);
      this.observer.observe(section);
    }
  }

  has(section: Element): boolean {
    return this.visible.has(section);
  }
}
