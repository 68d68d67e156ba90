// Draws the review onto the translation without touching Lexical's DOM: struck-through and
// commented text as CSS Custom Highlights, proposed text as ghosts (ghosts.ts), and a caret where a
// suggester clicked. At most once per animation frame, and incrementally: typing redraws only the
// items of the segments whose text changed (their DOM ranges; the others' live ranges still hold),
// a change of size moves the ghosts, and only a change to the review items redraws everything.
// Highlights are registered only for segments near the viewport (sheet/visible-segments.ts says why).
import type { LexicalEditor } from 'lexical';
import type { Suggestion } from '../../shared/review/types.js';
import { domRange, segmentElement } from '../sheet/dom-ranges.js';
import type { AnchorCache, Placed } from './anchors.js';
import type { ReviewDesk } from './desk.js';
import { endRect } from './geometry.js';
import { GhostLayer, type GhostPlan } from './ghosts.js';
import { GhostRoom } from './ghost-room.js';
import { HIGHLIGHT, authorColor, installHighlightStyles } from './highlight-styles.js';
import { VisibleSegmentsOf } from '../sheet/visible-segments.js';

const PRIORITY: Record<string, number> = { [HIGHLIGHT.comment]: 0, [HIGHLIGHT.active]: 2, [HIGHLIGHT.pending]: 3 };

export interface Painted {
  segmentId: string;
  marks: Array<[name: string, range: Range]>;
  ghost: { suggestion: Suggestion; color: string; active: boolean; range: Range } | null;
}

export class ReviewPainter {
  private frame = 0;
  private everything = true;
  private relayout = false;
  private pendingKey = '';
  private readonly painted = new Map<string, Painted>();
  /** The items whose marks are registered in the highlights now. */
  private readonly shown = new Set<string>();
  /** Items taken off screen since the last frame: their ghosts go too. */
  private readonly hidden: string[] = [];
  private readonly visible = new VisibleSegmentsOf(() => this.schedule());
  private readonly highlights = new Map<string, Highlight>();
  private readonly ghosts: GhostLayer;
  private readonly room = new GhostRoom();

  constructor(
    private readonly editor: LexicalEditor,
    private readonly desk: ReviewDesk,
    private readonly anchors: AnchorCache,
    private readonly layer: HTMLElement,
  ) {
    this.ghosts = new GhostLayer(layer);
  }

  start(): () => void {
    installHighlightStyles();
    const moved = () => ((this.relayout = true), this.schedule());
    const redraw = () => ((this.everything = true), this.schedule());
    const resize = new ResizeObserver(moved);
    const stops = [
      this.editor.registerUpdateListener(this.schedule),
      this.editor.registerRootListener((next, previous) => {
        if (previous) resize.unobserve(previous);
        if (next) resize.observe(next);
      }),
      ...[this.desk.active, this.desk.mode, this.desk.showResolved].map((store) => store.subscribe(redraw)),
      ...[this.desk.composing, this.desk.spot].map((store) => store.subscribe(this.schedule)),
    ];
    window.addEventListener('resize', moved);
    this.schedule();
    return () => {
      cancelAnimationFrame(this.frame);
      resize.disconnect();
      window.removeEventListener('resize', moved);
      for (const stop of stops) stop();
      for (const name of this.highlights.keys()) CSS.highlights.delete(name);
      this.ghosts.destroy();
      this.room.destroy();
      this.visible.stop();
    };
  }

  readonly schedule = (): void => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paint();
    });
  };


  private highlight(name: string): Highlight {
    let highlight = this.highlights.get(name);
    if (!highlight) {
      highlight = new Highlight();
      highlight.priority = PRIORITY[name] ?? 1;
      CSS.highlights.set(name, highlight);
      this.highlights.set(name, highlight);
    }
    return highlight;
  }

  private paint(): void {
    const root = this.editor.getRootElement();
    if (!root) return;
    const placed = this.anchors.current();
    const changed = this.anchors.takeChanged();
    const all = this.everything || changed === 'all';
    const redo = (segmentId: string) => all || (changed as ReadonlySet<string>).has(segmentId);
    this.everything = false;

    // Forget what is drawn for the segments to redo.
    const before = new Set<string>();
    for (const [id, item] of this.painted) {
      if (!redo(item.segmentId)) continue;
      this.show(id, item, false);
      this.painted.delete(id);
      before.add(id);
    }
    const visible = this.visible.in(root);
    const sections = new Map<string, Element | null>();
    const rangeOf = (segmentId: string, start: number, end: number) => {
      if (!sections.has(segmentId)) sections.set(segmentId, segmentElement(root, segmentId));
      const section = sections.get(segmentId);
      return section ? domRange(section, start, end) : null;
    };
    for (const item of placed.values()) {
      if (!redo(item.segmentId)) continue;
      const drawn = this.draw(item, rangeOf);
      if (drawn) this.painted.set(item.id, drawn);
    }
    for (const [id, item] of this.painted) this.show(id, item, visible.has(item.segmentId));
    if (all || (changed as ReadonlySet<string>).size > 0) this.room.follow(this.painted.values());

    // Ghosts and caret: measure (reads), then place (writes).
    const plans: GhostPlan[] = [];
    for (const [id, item] of this.painted) {
      if (!item.ghost || !this.shown.has(id) || !(this.relayout || redo(item.segmentId) || !this.ghosts.has(id))) continue;
      const rect = endRect(item.ghost.range);
      if (rect) plans.push({ ...item.ghost, rect });
    }
    const composing = this.desk.composing.get();
    const spot = composing?.spot ?? (this.desk.mode.get() === 'suggesting' ? this.desk.spot.get() : null);
    const spotRange = spot && !composing?.whole ? rangeOf(spot.segmentId, spot.start, spot.end) : null;
    const caret = spotRange?.collapsed ? endRect(spotRange) : null;
    const origin = plans.length || caret ? this.layer.getBoundingClientRect() : null;
    this.relayout = false;

    for (const plan of plans) this.ghosts.place(plan, origin!);
    if (all) this.ghosts.retain(new Set([...this.painted].filter(([id, p]) => p.ghost && this.shown.has(id)).map(([id]) => id)));
    else for (const id of before) if (!this.painted.get(id)?.ghost) this.ghosts.remove(id);
    for (const id of this.hidden.splice(0)) if (!this.shown.has(id)) this.ghosts.remove(id);
    this.ghosts.setCaret(caret, origin);
    // The composer's range, redrawn only when it changes (a highlight's change repaints its text).
    const key = composing && spotRange && !spotRange.collapsed ? `${spot!.segmentId}:${spot!.start}:${spot!.end}` : '';
    if (key !== this.pendingKey || (key && redo(spot!.segmentId))) {
      const pending = this.highlight(HIGHLIGHT.pending);
      pending.clear();
      if (key) pending.add(spotRange!);
      this.pendingKey = key;
    }
  }

  /** Registers an item's marks in the highlights, or takes them out. */
  private show(id: string, item: Painted, on: boolean): void {
    if (on === this.shown.has(id)) return;
    for (const [name, range] of item.marks) {
      if (on) this.highlight(name).add(range);
      else this.highlights.get(name)?.delete(range);
    }
    if (on) this.shown.add(id);
    else (this.shown.delete(id), this.hidden.push(id));
  }

  /** What one item draws: its highlights and, for a proposed text, its ghost. */
  private draw(item: Placed, rangeOf: (segmentId: string, start: number, end: number) => Range | null): Painted | null {
    const { range, suggestion, thread, id } = item;
    const active = this.desk.active.get() === id;
    if (!range || (thread?.resolved && (!active || !this.desk.showResolved.get()))) return null;
    const dom = rangeOf(item.segmentId, range.start, range.end);
    if (!dom) return null;
    const marks: Painted['marks'] = [];
    let ghost: Painted['ghost'] = null;
    if (suggestion) {
      const { index, color } = authorColor(suggestion.author);
      if (suggestion.kind !== 'insert') marks.push([HIGHLIGHT.deleted(index), dom]);
      if (suggestion.kind !== 'delete') ghost = { suggestion, color, active, range: dom };
    } else if (!item.whole && !thread?.resolved) marks.push([HIGHLIGHT.comment, dom]);
    if (active && !item.whole && !dom.collapsed) marks.push([HIGHLIGHT.active, dom]);
    return { segmentId: item.segmentId, marks, ghost };
  }
}
