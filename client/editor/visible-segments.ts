// Which segments are on screen or near it, for the decorations drawn over the translation (review
// marks, QA underlines). Chromium rebuilds every custom highlight's ranges after each DOM change
// (measured: ~0.2 ms of CPU per range per keystroke), so they are drawn only for these segments and
// a keystroke costs the same however long the article. One IntersectionObserver per editor root,
// shared by everyone who listens, follows the root's sections as they come and go.
const SECTION = 'section[data-segment-id]';
const shared = new Map<HTMLElement, VisibleSegments>();

class VisibleSegments {
  /** The sections in view (or within 400 px of it). */
  private readonly visible = new Set<Element>();
  private ids = new Set<string>();
  readonly listeners = new Set<() => void>();
  private readonly intersections: IntersectionObserver;
  private readonly children: MutationObserver;

  constructor(root: HTMLElement) {
    this.intersections = new IntersectionObserver((entries) => this.intersected(entries), { rootMargin: '400px 0px' });
    this.children = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (node instanceof Element && node.matches(SECTION)) this.intersections.observe(node);
        for (const node of record.removedNodes) {
          if (!(node instanceof Element)) continue;
          this.intersections.unobserve(node);
          this.visible.delete(node);
        }
      }
    });
    this.children.observe(root, { childList: true });
    for (const section of root.querySelectorAll(SECTION)) this.intersections.observe(section);
  }

  disconnect(): void {
    this.intersections.disconnect();
    this.children.disconnect();
  }

  has(segmentId: string): boolean {
    return this.ids.has(segmentId);
  }

  private intersected(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (entry.isIntersecting) this.visible.add(entry.target);
      else this.visible.delete(entry.target);
    }
    const ids = new Set([...this.visible].map((section) => (section as HTMLElement).dataset.segmentId ?? ''));
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
