// QA issues drawn over the translation with the CSS Custom Highlight API, so Lexical's DOM is
// never touched: `qa-error`, `qa-warning`, `qa-info` underline every issue's range, `qa-active`
// marks the issue picked in the panel. Ranges are drawn only in segments on screen (see
// sheet/visible-segments.ts) whose text is still the one checked; a segment being edited loses its marks
// until the next run redraws them.
import type { QaIssue, QaSeverity } from '../../shared/qa/index.js';
import { domRange, highlightsSupported, segmentElement } from '../sheet/dom-ranges.js';
import type { QaStore } from './qa-store.js';
import { VisibleSegmentsOf } from '../sheet/visible-segments.js';
import { scrollToSegment } from '../sheet/scroll-to-segment.js';

const NAMES: Record<QaSeverity, string> = { error: 'qa-error', warning: 'qa-warning', info: 'qa-info' };
export const ACTIVE_HIGHLIGHT = 'qa-active';

export const issueKey = (i: QaIssue) => `${i.segmentId}\u0000${i.check}\u0000${i.start ?? ''}\u0000${i.end ?? ''}\u0000${i.message}`;

const editorRoot = () => document.querySelector<HTMLElement>('.editor-root');

export class QaHighlighter {
  private activeKey: string | null = null;
  private readonly bySection = new Map<Element, Range[]>();
  private observer: MutationObserver | null = null;
  private observed: HTMLElement | null = null;
  private frame = 0;
  private readonly visible = new VisibleSegmentsOf(() => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.draw());
  });

  constructor(private readonly store: QaStore) {
    // Only a finished run redraws ("checking" changes nothing on screen).
    let drawn = store.get().issues;
    store.subscribe(() => {
      if (store.get().issues === drawn) return;
      drawn = store.get().issues;
      this.draw();
    });
  }

  get active(): string | null {
    return this.activeKey;
  }

  /** Scrolls to an issue and marks it; for editors, selects its text so typing replaces it. */
  reveal(issue: QaIssue, select: boolean): void {
    const root = editorRoot();
    const section = root && segmentElement(root, issue.segmentId);
    if (!root || !section) return;
    this.activeKey = issueKey(issue);
    scrollToSegment(section);
    const range = this.draw();
    // Only an issue's own text is selected: a whole segment selected could be typed away by accident.
    const ranged = issue.start !== undefined && issue.end !== undefined && issue.end > issue.start;
    if (!select || !ranged || !range || !root.isContentEditable) return;
    root.focus({ preventScroll: true });
    const selection = document.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range.cloneRange());
  }

  clearActive(): void {
    this.activeKey = null;
    if (highlightsSupported()) CSS.highlights.delete(ACTIVE_HIGHLIGHT);
  }

  /** Draws every issue; answers the active issue's range. */
  draw(): Range | null {
    const root = editorRoot();
    if (!highlightsSupported() || !root) return null;
    this.watch(root);
    const visible = this.visible.in(root);
    const { issues, texts } = this.store.get();
    const activeSegment = issues.find((i) => issueKey(i) === this.activeKey)?.segmentId;
    const sections = new Map<string, HTMLElement>();
    for (const section of root.querySelectorAll<HTMLElement>('section[data-segment-id]')) {
      const id = section.dataset.segmentId!;
      if (visible.has(id) || id === activeSegment) sections.set(id, section);
    }
    const now = this.store.currentTexts(new Set(sections.keys()));
    const ranges: Record<QaSeverity, Range[]> = { error: [], warning: [], info: [] };
    let active: Range | null = null;
    let activeFound = false;
    this.bySection.clear();
    for (const issue of issues) {
      const isActive = this.activeKey === issueKey(issue);
      activeFound ||= isActive;
      const section = sections.get(issue.segmentId);
      if (!section || now.get(issue.segmentId) !== texts.get(issue.segmentId)) continue;
      const hasRange = issue.start !== undefined && issue.end !== undefined && issue.end > issue.start;
      // An issue of the whole segment (empty, duplicate, a missing term) marks the whole text when picked.
      const range = hasRange ? domRange(section, issue.start!, issue.end!) : isActive ? domRange(section, 0, (texts.get(issue.segmentId) ?? '').length) : null;
      if (!range) continue;
      if (hasRange) ranges[issue.severity].push(range);
      if (isActive) active = range;
      this.bySection.set(section, [...(this.bySection.get(section) ?? []), range]);
    }
    for (const severity of Object.keys(NAMES) as QaSeverity[]) {
      const highlight = new Highlight(...ranges[severity]);
      highlight.priority = severity === 'error' ? 3 : severity === 'warning' ? 2 : 1;
      CSS.highlights.set(NAMES[severity], highlight);
    }
    if (!activeFound) this.activeKey = null;
    if (active) {
      const highlight = new Highlight(active);
      highlight.priority = 10;
      CSS.highlights.set(ACTIVE_HIGHLIGHT, highlight);
    } else CSS.highlights.delete(ACTIVE_HIGHLIGHT);
    return active;
  }

  /** Drops the marks of a segment as soon as its DOM changes (they would drift while typing). */
  private watch(root: HTMLElement): void {
    if (this.observed === root) return;
    this.observer?.disconnect();
    this.observed = root;
    this.observer = new MutationObserver((records) => {
      for (const record of records) {
        const node = record.target instanceof Element ? record.target : record.target.parentElement;
        const section = node?.closest('section[data-segment-id]');
        const stale = section && this.bySection.get(section);
        if (!stale) continue;
        this.bySection.delete(section);
        for (const name of [...Object.values(NAMES), ACTIVE_HIGHLIGHT]) {
          const highlight = CSS.highlights.get(name);
          for (const range of stale) highlight?.delete(range);
        }
      }
    });
    this.observer.observe(root, { subtree: true, childList: true, characterData: true });
  }
}
