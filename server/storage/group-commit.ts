// Commits appends in groups: one store.append (one transaction) per event-loop turn, never two at once.
import type { AppendEntry, Store } from './store.js';

export interface GroupCommitStats {
  /** Groups handed to the store, successful or not. */
  groups: number;
  /** Entries stored successfully. */
  entries: number;
  failedGroups: number;
  lastGroupSize: number;
  lastGroupMs: number;
}

export interface GroupInfo {
  size: number;
  ms: number;
  error?: unknown;
}

interface Pending {
  entry: AppendEntry;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

interface Group {
  items: Pending[];
  /** Settles when the group is stored (or failed). */
  done: Promise<void>;
  settle: (failed: boolean, error?: unknown) => void;
}

export class GroupCommit {
  private next: Group | null = null;
  private running: Group | null = null;
  private scheduled = false;
  private readonly counters: GroupCommitStats = {
    groups: 0,
    entries: 0,
    failedGroups: 0,
    lastGroupSize: 0,
    lastGroupMs: 0,
  };

  constructor(
    private readonly store: Store,
    private readonly onGroup?: (info: GroupInfo) => void,
  ) {}

  /** Resolves with the entry's seq once it is stored; rejects if its group failed. */
  append(entry: AppendEntry): Promise<number> {
    return new Promise<number>((resolve, reject) => this.enqueue(entry, resolve, reject));
  }

  /**
   * `append` without a promise: `stored` is called with the entry's seq once it is stored, `failed`
   * if its group failed. A room calls it for every update it applies.
   */
  enqueue(entry: AppendEntry, stored: (seq: number) => void, failed: (error: unknown) => void): void {
    this.next ??= newGroup();
    this.next.items.push({ entry, resolve: stored, reject: failed });
    this.schedule();
  }

  /** Resolves once everything appended so far is stored; rejects if any of it failed. */
  async flush(): Promise<void> {
    const waits = [this.running?.done, this.next?.done].filter((p) => p !== undefined);
    await Promise.all(waits);
  }

  /** Entries appended but not yet stored. */
  get pending(): number {
    return (this.running?.items.length ?? 0) + (this.next?.items.length ?? 0);
  }

  get stats(): Readonly<GroupCommitStats> {
    return { ...this.counters };
  }

  private schedule(): void {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.commit();
    });
  }

  private async commit(): Promise<void> {
    const group = this.next;
    if (!group || this.running) return;
    this.next = null;
    this.running = group;
    const started = performance.now();
    let failed = false;
    let error: unknown;
    try {
      const seqs = await this.store.append(group.items.map((p) => p.entry));
      if (seqs.length !== group.items.length) {
        throw new Error(`store.append returned ${seqs.length} seqs for ${group.items.length} entries`);
      }
      group.items.forEach((p, i) => p.resolve(seqs[i]));
      this.counters.entries += group.items.length;
    } catch (err) {
      failed = true;
      error = err;
      this.counters.failedGroups++;
      for (const p of group.items) p.reject(err);
    }
    const ms = performance.now() - started;
    this.counters.groups++;
    this.counters.lastGroupSize = group.items.length;
    this.counters.lastGroupMs = ms;
    this.running = null;
    group.settle(failed, error);
    if (this.next) this.schedule();
    this.onGroup?.({ size: group.items.length, ms, ...(failed ? { error } : {}) });
  }
}

function newGroup(): Group {
  let settle!: Group['settle'];
  const done = new Promise<void>((resolve, reject) => {
    settle = (failed, error) => (failed ? reject(error) : resolve());
  });
  // Failures reach callers through their own promises; flush() re-observes `done`.
  done.catch(() => {});
  return { items: [], done, settle };
}
