// Live QA of an article (SPEC 14): the checks run in a worker ~300 ms after the content or the
// review room changes (at least every 1.5 s while people keep typing), over the targets read
// straight from the content room's Y.Doc, the sources of the review room and both glossaries.
// Listeners hear only when a run finishes, never per keystroke. A run starts, and its result is
// told, when the page is idle: never between a keystroke and the frame that shows it. The
// article's QA profile and ignored issues (review room) apply to each result, and again at once
// when they change (SPEC 14.15, 14.16).
import { QA_CHECKS, type QaCheck, type QaInput, type QaIssue, type QaSegment } from '../../shared/qa/types.js';
import { applyProfile, occurrenceKey, type IgnoredIssue, type QaProfile } from '../../shared/qa/profile.js';
import { ignoredIssuesOf, qaProfileOf } from '../../shared/review/qa-settings.js';
import { omittedOf } from '../../shared/review/omitted.js';
import { ReviewRoom } from '../../shared/schema.js';
import type { ContentSession } from '../collab/content-session.js';
import type { ReviewSession } from '../collab/review-session.js';
import type { GlossaryStore } from '../glossary/glossary-store.js';
import { QaRunner } from './qa-runner.js';
import { idle, whenIdle } from '../app/when-idle.js';
import { Listeners } from '../app/store.js';

export interface QaCounts {
  error: number;
  warning: number;
  info: number;
  byCheck: Record<QaCheck, number>;
}

export interface QaSnapshot {
  /** The issues that count (the profile applied, ignored ones left out). */
  issues: readonly QaIssue[];
  /** Issues whose occurrence was ignored, shown struck through. */
  ignored: readonly QaIssue[];
  /** The ignore entries by occurrence key (shared/qa/profile.ts), to unignore one. */
  ignoredEntries: ReadonlyMap<string, IgnoredIssue>;
  profile: QaProfile;
  counts: QaCounts;
  /** Each segment's target as it was checked, to tell whether an issue's offsets still hold. */
  texts: ReadonlyMap<string, string>;
  /** Both rooms have synced and a run has finished since. */
  ready: boolean;
  checking: boolean;
}

const DELAY_MS = 300;
const MAX_WAIT_MS = 1500;
/** How long a run, or telling its result, may wait for the page to be idle. */
const IDLE_WITHIN_MS = 500;

export function countIssues(issues: readonly QaIssue[]): QaCounts {
  const counts: QaCounts = { error: 0, warning: 0, info: 0, byCheck: Object.fromEntries(QA_CHECKS.map((c) => [c, 0])) as Record<QaCheck, number> };
  for (const issue of issues) {
    counts[issue.severity]++;
    counts.byCheck[issue.check]++;
  }
  return counts;
}

export class QaStore {
  private snapshot: QaSnapshot = {
    issues: [],
    ignored: [],
    ignoredEntries: new Map(),
    profile: {},
    counts: countIssues([]),
    texts: new Map(),
    ready: false,
    checking: false,
  };
  /** The last run's issues before the profile. */
  private found: readonly QaIssue[] = [];
  private readonly listeners = new Listeners();
  private readonly runner = new QaRunner();
  private timer = 0;
  private maxTimer = 0;
  private running = false;
  private dirty = false;
  private retries = 0;

  constructor(
    private readonly content: ContentSession,
    private readonly review: ReviewSession,
    private readonly glossary: GlossaryStore,
  ) {
    content.doc.on('update', this.schedule);
    review.doc.on('update', this.schedule);
    glossary.subscribe(this.schedule);
    content.provider.on('sync', this.schedule);
    review.provider.on('sync', this.schedule);
    review.doc.getMap(ReviewRoom.qa).observe(this.reapply);
    ignoredIssuesOf(review.doc).observe(this.reapply);
    this.schedule();
  }

  readonly subscribe = this.listeners.subscribe;

  readonly get = (): QaSnapshot => this.snapshot;

  /** The segments' current targets, by id (read from the content room, no Lexical needed). */
  currentTexts(ids: ReadonlySet<string>): Map<string, string> {
    return new Map(this.content.texts.all().filter((s) => ids.has(s.segmentId)).map((s) => [s.segmentId, s.text]));
  }

  private readonly schedule = (): void => {
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = window.setTimeout(this.flushWhenIdle, DELAY_MS);
    if (!this.maxTimer) this.maxTimer = window.setTimeout(this.flushWhenIdle, MAX_WAIT_MS);
  };

  private readonly flushWhenIdle = (): void => whenIdle(this.flush, IDLE_WITHIN_MS);

  private readonly flush = (): void => {
    clearTimeout(this.timer);
    clearTimeout(this.maxTimer);
    this.timer = this.maxTimer = 0;
    if (this.running || !this.dirty) return;
    if (!this.content.provider.synced || !this.review.provider.synced) return; // their 'sync' schedules again
    this.dirty = false;
    this.running = true;
    this.set({ checking: true });
    const input = this.input();
    this.runner
      .run(input)
      .then(async (issues) => {
        await idle(IDLE_WITHIN_MS);
        this.retries = 0;
        this.found = issues;
        const texts = new Map(input.segments.map((s) => [s.id, s.target]));
        this.set({ ...this.profiled(texts), texts, ready: true, checking: false });
      })
      .catch(() => {
        // The worker failed (the runner now uses the main thread): try once more.
        if (this.retries++ < 2) this.dirty = true;
        this.set({ checking: false });
      })
      .finally(() => {
        this.running = false;
        if (this.dirty) this.schedule();
      });
  };

  /** The last run's issues as the article's profile and ignore list have them now. */
  private profiled(texts: ReadonlyMap<string, string>): Pick<QaSnapshot, 'issues' | 'ignored' | 'ignoredEntries' | 'profile' | 'counts'> {
    const profile = qaProfileOf(this.review.doc);
    const entries = [...ignoredIssuesOf(this.review.doc).values()];
    const { issues, ignored } = applyProfile(this.found, texts, profile, entries);
    const ignoredEntries = new Map(entries.map((entry) => [occurrenceKey(entry), entry]));
    return { issues, ignored, ignoredEntries, profile, counts: countIssues(issues) };
  }

  private readonly reapply = (): void => {
    if (this.snapshot.ready) this.set(this.profiled(this.snapshot.texts));
  };

  private input(): QaInput {
    const sources = this.review.doc.getMap<string>(ReviewRoom.source);
    const meta = this.review.doc.getMap<string>(ReviewRoom.meta);
    const omitted = omittedOf(this.review.doc);
    // An omitted segment is not checked (SPEC 14.17); the others keep their place in the article.
    const segments: QaSegment[] = this.content.texts
      .all()
      .map(({ segmentId, text }, index) => ({ id: segmentId, index, source: sources.get(segmentId) ?? null, target: text }))
      .filter((segment) => !omitted.has(segment.id));
    return {
      sourceLang: meta.get('sourceLang') ?? '',
      targetLang: meta.get('targetLang') ?? '',
      segments,
      glossary: [...this.glossary.get().all],
    };
  }

  private set(change: Partial<QaSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    this.listeners.notify();
  }
}
