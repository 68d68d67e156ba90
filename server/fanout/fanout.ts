// Fan-out between instances (SPEC 17.8–17.13): what one instance publishes on a room's channel
// reaches every other instance subscribed to it. Only messages travel here; the store holds the
// truth, so a message lost in transit is caught up from the store, never relied upon.

export interface Fanout {
  /** Sends `message` to every subscriber of `room`'s channel (this instance's own included). */
  publish(room: string, message: Uint8Array): Promise<void>;
  /** Calls `handler` with each message published on `room`'s channel from now on; resolves once subscribed. */
  subscribe(room: string, handler: (message: Uint8Array) => void): Promise<() => Promise<void>>;
  /**
   * Calls `handler` each time a connection is back after a break (the one that receives messages
   * already subscribed again): whatever was published meanwhile, by this instance or to it, is lost,
   * so rooms catch up from the store and say how far it holds them.
   */
  onReconnect(handler: () => void): void;
  /** Resolves when the fan-out server answers, rejects when it does not (readiness, /healthz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The fan-out server cannot be reached at start (a Redis down, a wrong REDIS_URL). */
export class FanoutUnavailable extends Error {}
