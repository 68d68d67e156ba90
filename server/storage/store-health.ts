// Whether this instance takes writes (SPEC 17.17). The store counts as unreachable from a failed
// append, a readiness check that fails (not one that is only slow) or a connection lost while idle,
// until a probe (at once, then once a second) gets an answer. Meanwhile writes are refused before they are applied, so no room
// holds what the store lacks, and reads of loaded rooms go on.
import type { Logger } from 'pino';
import { PingTimeout, type Store } from './store.js';

const PROBE_EVERY_MS = 1000;

export class StoreHealth {
  private down = false;
  private probe: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly store: Pick<Store, 'ping'>,
    private readonly logger: Logger,
  ) {}

  get writable(): boolean {
    return !this.down;
  }

  /** The store's readiness answer (/healthz): a failure marks it unreachable, an answer reachable. */
  async ping(): Promise<void> {
    try {
      await this.store.ping();
    } catch (error) {
      // A store only slow to answer keeps taking writes: refusing them would add reconnections to its load.
      if (!(error instanceof PingTimeout)) this.failed(error);
      throw error;
    }
    this.answered();
  }

  failed(error: unknown): void {
    if (this.down || this.closed) return;
    this.down = true;
    this.logger.error({ err: error }, 'the store is unreachable: writes are refused until it answers');
    this.schedule(0);
  }

  close(): void {
    this.closed = true;
    if (this.probe) clearTimeout(this.probe);
  }

  private answered(): void {
    if (!this.down) return;
    this.down = false;
    if (this.probe) clearTimeout(this.probe);
    this.probe = null;
    this.logger.warn('the store answers again: writes are taken');
  }

  private schedule(ms: number): void {
    if (this.closed) return;
    this.probe = setTimeout(() => {
      this.probe = null;
      this.store.ping().then(
        () => this.answered(),
        () => this.down && this.schedule(PROBE_EVERY_MS),
      );
    }, ms);
    this.probe.unref();
  }
}
