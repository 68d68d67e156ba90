// Which segments are on screen or near it (within MARGIN_PX), for the decorations drawn over the
// translation (review marks, QA underlines). Chromium rebuilds every custom highlight's ranges
// after each DOM change (measured: ~0.2 ms of CPU per range per keystroke), so they are drawn only
// for these segments and a keystroke costs the same however long the article.
// Worked out from the sections' heights (a ResizeObserver's, so nothing is read from the layout)
// and the first section's place, only when the page scrolls or resizes or a section changes height:
// an IntersectionObserver over every section would be recomputed in every frame, typing included.
// One per editor root, shared by everyone who listens.
const SECTION = 'section[data-segment-id]';
const MARGIN_PX = 400;
const shared = new Map<HTMLElement, VisibleSegments>();

class VisibleSegments {
  readonly listeners = new Set<() => void>();
  private ids = new Set<string>();
  private sections: HTMLElement[] = [];
  private readonly heights = new WeakMap<Element, number>();
  private frame = 0;
  // Its callback runs right after layout: the one read measure() makes costs nothing there.
  private readonly sizes = new ResizeObserver((entries) => {
    for (const entry of entries) this.heights.set(entry.target, entry.borderBoxSize?.[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight);
    this.measure();
  });
  private readonly children: MutationObserver;

  constructor(private readonly root: HTMLElement) {
    this.children = new MutationObserver(() => this.follow());
    this.children.observe(root, { childList: true });
    this.follow();
    window.addEventListener('scroll', this.schedule, { passive: true });
    window.addEventListener('resize', this.schedule);
  }

  disconnect(): void {
    cancelAnimationFrame(this.frame);
    this.sizes.disconnect();
    this.children.disconnect();
    window.removeEventListener('scroll', this.schedule);
    window.removeEventListener('resize', this.schedule);
  }

  has(segmentId: string): boolean {
    return this.ids.has(segmentId);
  }

  /** Takes the root's sections in order, watching the heights of new ones. */
  private follow(): void {
    const known = new Set(this.sections);
    this.sections = [...this.root.children].filter((child): child is HTMLElement => child.matches(SECTION));
    for (const section of this.sections) if (!known.delete(section)) this.sizes.observe(section, { box: 'border-box' });
    for (const gone of known) this.sizes.unobserve(gone);
    this.schedule();
  }

  /** Measures after the next frame is laid out, not before (that would force a layout of its own). */
  private readonly schedule = (): void => {
    if (!this.frame) this.frame = requestAnimationFrame(() => setTimeout(() => ((this.frame = 0), this.measure())));
  };

  private measure(): void {
    const first = this.sections[0];
    const ids = new Set<string>();
    if (first) {
      let top = first.getBoundingClientRect().top;
      const low = -MARGIN_PX;
      const high = window.innerHeight + MARGIN_PX;
      for (const section of this.sections) {
        if (top > high) break;
        const bottom = top + (this.heights.get(section) ?? 0);
        if (bottom >= low) ids.add(section.dataset.segmentId ?? '');
        top = bottom;
      }
    }
    if (ids.size === this.ids.size && [...ids].every((id) => this.ids.has(id))) return;
    this.ids = ids;
    for (const listener of this.listeners) listener();
  }
}

/** Follows the visible segments of whichever editor root it is handed (the root changes when the editor remounts). */
export class VisibleSegmentsOf {
  private current: { root: HTMLElement; segments: VisibleSegments; stop: () => void } | null = null;

  constructor(private readonly onChange: () => void) {}

  in(root: HTMLElement): Pick<VisibleSegments, 'has'> {
    if (this.current?.root !== root) {
      this.stop();
      this.current = { root, segments: listen(root, this.onChange), stop: () => unlisten(root, this.onChange) };
    }
    return this.current.segments;
  }

  stop(): void {
    this.current?.stop();
    this.current = null;
  }
}

function listen(root: HTMLElement, listener: () => void): VisibleSegments {
  let segments = shared.get(root);
  if (!segments) shared.set(root, (segments = new VisibleSegments(root)));
  segments.listeners.add(listener);
  return segments;
}

function unlisten(root: HTMLElement, listener: () => void): void {
  const segments = shared.get(root);
  if (!segments) return;
  segments.listeners.delete(listener);
  if (segments.listeners.size > 0) return;
  segments.disconnect();
  shared.delete(root);
}
