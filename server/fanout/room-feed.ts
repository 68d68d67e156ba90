// One loaded room's link to the other instances (SPEC 17.9–17.11). Subscribed before the room reads
// the store, it keeps what arrives meanwhile and, once attached, hands the room every update in room
// sequence order: an update others stored, the room's own appends as they are stored (already
// applied), or, when a number stays missing or the fan-out connection was broken, whatever the
// store holds after the last number the room has.
import type { Logger } from 'pino';
import type { Store } from '../storage/store.js';
import type { Metrics } from '../metrics.js';
import type { Fanout } from './fanout.js';
import { decodeFanout, encodeFanout, type FanoutMessage } from './messages.js';

/** What a feed needs of a room. */
export interface FedRoom {
  /** Applies updates already stored (by another instance) and sends them to the room's peers. */
  applyStored(updates: Uint8Array[]): void;
  /** Applies presence changes from another instance's peers. */
  applyPresence(update: Uint8Array): void;
  /** The presence of this instance's own peers, as an awareness update (null when none). */
  ownPresence(): Uint8Array | null;
}

/**
 * How long a missing sequence number may stay missing before the room reads the store: instances
 * publish in the order their commits return, so a later number may overtake an earlier one briefly.
 */
export const GAP_WAIT_MS = 200;

export interface FeedDeps {
  fanout: Fanout;
  store: Store;
  logger: Logger;
  metrics: Metrics;
  /** This instance's id: its own messages come back on the channel and are ignored. */
  instance: string;
  /** Told when the feed closes (the room unloaded). */
  closed?: (feed: RoomFeed) => void;
  /** Told when another instance closes the room's connections (revocation, deletion: SPEC 17.16). */
  closeOrdered?: (room: string, order: CloseOrder) => void;
}

export type CloseOrder = Extract<FanoutMessage, { kind: 'close' }>;

export class RoomFeed {
  /** Every update of the room up to this sequence number is in the room's doc. */
  private seen = 0;
  private room: FedRoom | null = null;
  /** Messages that arrived while the room was loading. */
  private early: FanoutMessage[] = [];
  /** Sequence numbers past `seen + 1` that came first: their update, or null for the room's own. */
  private readonly ahead = new Map<number, Uint8Array | null>();
  private gapTimer: NodeJS.Timeout | null = null;
  private catching: Promise<void> | null = null;
  private catchAgain = false;
  /** The fan-out connection came back while the room was loading: catch up once it is attached. */
  private catchUpOnAttach = false;
  private closed = false;
  private unsubscribe: (() => Promise<void>) | null = null;

  private constructor(
    readonly name: string,
    private readonly deps: FeedDeps,
  ) {}

  /** Subscribes to the room's channel; the room is loaded from the store only after this resolves. */
  static async open(name: string, deps: FeedDeps): Promise<RoomFeed> {
    const feed = new RoomFeed(name, deps);
    feed.unsubscribe = await deps.fanout.subscribe(name, (bytes) => feed.received(bytes));
    return feed;
  }

  /** The room is loaded up to `loadedSeq`: what arrived meanwhile and is newer goes in now. */
  attach(room: FedRoom, loadedSeq: number): void {
    this.room = room;
    this.seen = loadedSeq;
    const early = this.early;
    this.early = [];
    for (const message of early) this.handleSafely(message);
    if (this.catchUpOnAttach) void this.catchUp('reconnect');
    // The others' peers are shown now, not at their next change or renewal (SPEC 17.12).
    this.publish({ kind: 'query', instance: this.deps.instance });
  }

  /** Every update up to this sequence number is in the room's doc: how far a snapshot may replace the log. */
  get coveredSeq(): number {
    return this.seen;
  }

  /** The room stored one of its own updates as `seq`: other instances are told, and the number is the room's. */
  stored(seq: number, update: Uint8Array): void {
    this.publish({ kind: 'update', instance: this.deps.instance, seq, update });
    this.take(seq, null);
  }

  /**
   * Tells the others how far the store holds the room's log, once this instance's Redis connection
   * is back and the room caught up: what it stored meanwhile was published to nobody (SPEC 17.21).
   */
  announce(): void {
    if (this.closed || !this.room) return;
    this.publish({ kind: 'stored', instance: this.deps.instance, seq: this.seen });
  }

  /** Presence changes of this instance's peers, for the others. */
  presence(update: Uint8Array): void {
    this.publish({ kind: 'presence', instance: this.deps.instance, update });
  }

  /** Reads what the store holds after the last number the room has (a gap, a reconnect, an HTTP request: SPEC 17.18). */
  catchUp(reason: 'gap' | 'reconnect' | 'read'): Promise<void> {
    if (!this.room) this.catchUpOnAttach = !this.closed;
    if (this.closed || !this.room) return Promise.resolve();
    this.deps.metrics.fanoutCatchUps.inc({ reason });
    if (this.catching) {
      this.catchAgain = true;
      return this.catching;
    }
    const run = async () => {
      try {
        do {
          this.catchAgain = false;
          const log = await this.deps.store.loadRoomSince(this.name, this.seen);
          if (this.closed || !this.room) return;
          const updates = log.snapshot ? [log.snapshot, ...log.updates] : log.updates;
          if (log.seq > this.seen) {
            this.seen = log.seq;
            for (const seq of this.ahead.keys()) if (seq <= this.seen) this.ahead.delete(seq);
          }
          if (updates.length > 0) this.room.applyStored(updates);
          this.drain();
        } while (this.catchAgain && !this.closed);
      } catch (error) {
        this.deps.logger.error({ err: error, room: this.name }, 'fan-out: catching up from the store failed');
        this.scheduleGapCheck();
      } finally {
        this.catching = null;
      }
    };
    this.catching = run();
    return this.catching;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.room = null;
    this.ahead.clear();
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.deps.closed?.(this);
    await this.unsubscribe?.();
  }

  private received(bytes: Uint8Array): void {
    if (this.closed) return;
    let message: FanoutMessage;
    try {
      message = decodeFanout(bytes);
    } catch (error) {
      this.deps.logger.warn({ err: error, room: this.name }, 'fan-out: an undecodable message was ignored');
      return;
    }
    if (message.instance === this.deps.instance) return;
    // Not kept for after the load: whoever waits for the room closes its connections once it is loaded.
    if (message.kind === 'close') return this.deps.closeOrdered?.(this.name, message);
    if (this.room) this.handleSafely(message);
    else this.early.push(message);
  }

  private handleSafely(message: FanoutMessage): void {
    try {
      this.handle(message);
    } catch (error) {
      this.deps.logger.error({ err: error, room: this.name }, 'fan-out: a message could not be applied');
    }
  }

  private handle(message: FanoutMessage): void {
    if (message.kind === 'close') return;
    if (message.kind === 'presence') this.room!.applyPresence(message.update);
    // Another instance back from a Redis outage: the store holds what it stored meanwhile.
    else if (message.kind === 'stored') {
      if (message.seq > this.seen) void this.catchUp('gap');
    }
    else if (message.kind === 'query') {
      const own = this.room!.ownPresence();
      if (own) this.presence(own);
    } else {
      this.deps.metrics.fanoutUpdates.inc();
      this.take(message.seq, message.update);
    }
  }

  /** Takes a numbered update; those already in the doc (up to `seen`) are dropped. */
  private take(seq: number, update: Uint8Array | null): void {
    if (seq <= this.seen || this.closed) return;
    this.ahead.set(seq, update);
    this.drain();
  }

  /** Applies the numbers that follow `seen` without a gap; a gap left waits, then reads the store. */
  private drain(): void {
    const updates: Uint8Array[] = [];
    while (this.ahead.has(this.seen + 1)) {
      const update = this.ahead.get(this.seen + 1)!;
      this.ahead.delete(++this.seen);
      if (update) updates.push(update);
    }
    if (updates.length > 0) this.room?.applyStored(updates);
    if (this.ahead.size > 0) this.scheduleGapCheck();
  }

  private scheduleGapCheck(): void {
    if (this.gapTimer || this.closed) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = null;
      if (this.ahead.size > 0) void this.catchUp('gap');
    }, GAP_WAIT_MS);
    this.gapTimer.unref();
  }

  private publish(message: FanoutMessage): void {
    // A message lost here is a gap for the others, who then read the store (SPEC 17.10).
    this.deps.fanout.publish(this.name, encodeFanout(message)).catch((error) => {
      this.deps.logger.warn({ err: error, room: this.name }, 'fan-out: publishing failed');
    });
  }
}
