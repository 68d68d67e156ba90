// Automatic versions (SPEC 16.7): once a burst of editing ends (nothing changed for `idleMs`), and
// at most every `everyMs` while editing goes on; only when something changed. Then the automatic
// versions are thinned (retention.ts). On the update path a change costs a map lookup and a clock
// read: one timer per article in a burst, re-armed only when it fires. With several instances, the
// first to save one for a burst's moment stores it and the others skip theirs (SPEC 17.20).
import type { Logger } from 'pino';
import type { RoomRegistry } from '../collab/registry.js';
import type * as Y from 'yjs';
import { changed, type Room } from '../collab/room.js';
import type { Store } from '../storage/store.js';
import { versionsToThin, type Retention } from './retention.js';
import { versionOf } from './save.js';
import type { SegmentChanges } from './changes.js';

export interface AutoVersionPolicy extends Retention {
  idleMs: number;
  everyMs: number;
}

export const AUTO_VERSION_NAME = 'Automatic';

interface Burst {
  first: number;
  last: number;
  timer: NodeJS.Timeout;
}

export class AutoVersions {
  private readonly bursts = new Map<string, Burst>();
  private readonly saving = new Set<Promise<void>>();
  private stopped = false;
  /** Called after each automatic version is stored (tests wait on it). */
  onSaved: (docId: string) => void = () => {};

  constructor(
    private readonly store: Store,
    private readonly rooms: RoomRegistry,
    private readonly policy: AutoVersionPolicy,
    private readonly logger: Logger,
    private readonly changes: SegmentChanges,
    /** Other instances edit and save the same articles (fan-out, SPEC 17.20). */
    private readonly shared = false,
  ) {}

  /** Follows a loaded room's changes (both rooms of an article count). */
  watch(room: Room): void {
    room.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin !== 'load' && changed(tr)) this.touch(room.docId);
    });
  }

  private touch(docId: string): void {
    if (this.stopped) return;
    const now = Date.now();
    const burst = this.bursts.get(docId);
    if (burst) {
      burst.last = now;
      return;
    }
    const timer = setTimeout(() => this.check(docId), Math.min(this.policy.idleMs, this.policy.everyMs));
    timer.unref();
    this.bursts.set(docId, { first: now, last: now, timer });
  }

  private check(docId: string): void {
    const burst = this.bursts.get(docId);
    if (!burst) return;
    const due = Math.min(burst.last + this.policy.idleMs, burst.first + this.policy.everyMs);
    const wait = due - Date.now();
    if (wait > 0) {
      burst.timer = setTimeout(() => this.check(docId), wait);
      burst.timer.unref();
      return;
    }
    this.track(this.save(docId, burst));
  }

  private track(task: Promise<void>): void {
    this.saving.add(task);
    void task.finally(() => this.saving.delete(task));
  }

  private async save(docId: string, burst: Burst): Promise<void> {
    // The burst's last edit, before the note written below moves it: another instance's version
    // made after it holds this burst's edits (SPEC 17.20).
    const lastEdit = burst.last;
    // Who changed what is written first (SPEC 16.17), while the burst is still open, so that write
    // belongs to this burst rather than starting the next.
    await this.changes.flush(docId);
    this.bursts.delete(docId);
    try {
      if (!(await this.store.getDocument(docId))) return;
      const version = await versionOf(this.rooms, docId, { name: AUTO_VERSION_NAME, auto: true, author: null });
      // Another instance's automatic version made since this burst's last change holds it already.
      if (this.shared) {
        if (!(await this.store.saveVersionUnlessNewer(version, lastEdit))) return;
      } else await this.store.saveVersion(version);
      const drop = versionsToThin(await this.store.listVersions(docId), Date.now(), this.policy);
      if (drop.length > 0) await this.store.deleteVersions(docId, drop);
      this.onSaved(docId);
    } catch (error) {
      this.logger.error({ err: error, doc: docId }, 'saving an automatic version failed');
    }
  }

  /** At shutdown: saves the bursts in progress, then stops. */
  async close(): Promise<void> {
    this.stopped = true;
    for (const [docId, burst] of this.bursts) {
      clearTimeout(burst.timer);
      this.track(this.save(docId, burst));
    }
    this.bursts.clear();
    await Promise.all(this.saving);
  }
}
