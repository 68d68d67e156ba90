// Places the margin's groups of cards beside their segments, as Google Docs places comments: each
// group at its segment's top, pushed down when the one above needs the room; the group holding the
// card in focus stands exactly beside its segment and the others make way. Reads every box first,
// then writes; runs once per frame after the sheet or a group changed size. On a narrow screen the
// margin is a plain list below the article and nothing is placed.
const WIDE = '(min-width: 1280px)';
const GAP = 10;

interface Box {
  element: HTMLElement;
  id: string;
  ideal: number;
  height: number;
  top: number;
}

/** Stacks boxes from `from` on, each at its ideal top or below the one before. */
function stack(boxes: Box[], from: number, bottom: number): void {
  for (const box of boxes.slice(from)) {
    box.top = Number.isFinite(box.ideal) ? Math.max(box.ideal, bottom) : bottom;
    bottom = box.top + box.height + GAP;
  }
}

/** Puts the focused box beside its segment, moving those above up if there is room for them. */
function focusOn(boxes: Box[], focus: number): void {
  const box = boxes[focus];
  if (focus <= 0 || !Number.isFinite(box.ideal) || box.top <= box.ideal) return;
  const tops = boxes.map((b) => b.top);
  box.top = box.ideal;
  for (let i = focus - 1; i >= 0; i--) boxes[i].top = Math.min(boxes[i].ideal, boxes[i + 1].top - boxes[i].height - GAP);
  if (boxes[0].top < 0) return boxes.forEach((b, i) => (b.top = tops[i]));
  stack(boxes, focus + 1, box.top + box.height + GAP);
}

export class MarginLayout {
  private frame = 0;
  private readonly observer = new ResizeObserver(() => this.schedule());
  private readonly media = window.matchMedia(WIDE);
  private readonly groups = new Map<HTMLElement, string>();
  private observed: HTMLElement | null = null;
  private active: string | null = null;

  constructor(
    private readonly body: HTMLElement,
    private readonly root: () => HTMLElement | null,
  ) {
    this.media.addEventListener('change', this.schedule);
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.observer.disconnect();
    this.media.removeEventListener('change', this.schedule);
  }

  track(element: HTMLElement, segmentId: string): () => void {
    this.groups.set(element, segmentId);
    this.observer.observe(element);
    this.schedule();
    return () => {
      this.groups.delete(element);
      this.observer.unobserve(element);
      this.schedule();
    };
  }

  /** The segment whose group holds the card in focus. */
  setActive(segmentId: string | null): void {
    if (segmentId === this.active) return;
    this.active = segmentId;
    this.schedule();
  }

  readonly schedule = (): void => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.place();
    });
  };

  private place(): void {
    const editor = this.root();
    if (editor !== this.observed) {
      if (this.observed) this.observer.unobserve(this.observed);
      if (editor) this.observer.observe(editor);
      this.observed = editor;
    }
    if (!this.media.matches || !editor) {
      for (const element of this.groups.keys()) element.style.top = '';
      this.body.style.minHeight = '';
      return;
    }
    const origin = this.body.getBoundingClientRect().top;
    const boxes: Box[] = [...this.groups].map(([element, id]) => {
      const section = editor.querySelector(`section[data-segment-id="${CSS.escape(id)}"]`);
      return { element, id, ideal: section ? section.getBoundingClientRect().top - origin + 8 : Infinity, height: element.offsetHeight, top: 0 };
    });
    boxes.sort((a, b) => a.ideal - b.ideal);
    stack(boxes, 0, 0);
    focusOn(boxes, boxes.findIndex((b) => b.id === this.active));
    let bottom = 0;
    for (const box of boxes) {
      // `top`, not a transform: transformed boxes are painted and layerized one by one, per frame.
      box.element.style.top = `${Math.round(box.top)}px`;
      bottom = Math.max(bottom, box.top + box.height + GAP);
    }
    this.body.style.minHeight = `${Math.ceil(bottom)}px`;
  }
}
