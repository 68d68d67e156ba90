// This instance's side of the fan-out: opens a feed per loaded room and, when the fan-out connection
// comes back after a break, makes every loaded room catch up from the store (SPEC 17.11).
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Store } from '../storage/store.js';
import type { Metrics } from '../metrics.js';
import type { Fanout } from './fanout.js';
import { encodeFanout } from './messages.js';
import { RoomFeed, type CloseOrder } from './room-feed.js';

export class Feeds {
  readonly instance = randomUUID();
  private readonly open = new Set<RoomFeed>();
  /** Set by the room registry: closes this instance's connections to a room another instance closed. */
  closeOrdered: (room: string, order: CloseOrder) => void = () => {};

  constructor(
    readonly fanout: Fanout,
    private readonly store: Store,
    private readonly logger: Logger,
    private readonly metrics: Metrics,
  ) {
    // Back after a break: each loaded room reads what it missed, then tells the others how far the
    // store holds its log, as what this instance stored meanwhile reached nobody (SPEC 17.21).
    fanout.onReconnect(() => {
      for (const feed of this.open) void feed.catchUp('reconnect').then(() => feed.announce());
    });
  }

  /** Subscribes to a room's channel; call before reading the room from the store. */
  async subscribe(room: string): Promise<RoomFeed> {
    const feed = await RoomFeed.open(room, {
      fanout: this.fanout,
      store: this.store,
      logger: this.logger,
      metrics: this.metrics,
      instance: this.instance,
      closed: (closed) => this.open.delete(closed),
      closeOrdered: (name, order) => this.closeOrdered(name, order),
    });
    this.open.add(feed);
    return feed;
  }

  /**
   * Tells every other instance to close its connections to `room` with `code` (SPEC 17.16); `gone`:
   * the document is deleted, so they drop the room without storing anything more. Published whether
   * or not this instance holds the room: the others may.
   */
  async orderClose(room: string, code: number, reason: string, gone: boolean): Promise<void> {
    await this.fanout.publish(room, encodeFanout({ kind: 'close', instance: this.instance, code, reason, gone }));
  }
}
