// When the server cannot save (its store is unreachable, SPEC 17.17) it refuses an editor's change
// with 1011 and STORE_UNREACHABLE_REASON. The connection has synced by then (reading still works),
// and y-websocket resets its backoff once a connection syncs: left alone it would reconnect every
// few hundred milliseconds, be refused each time, and the page would flicker between offline and
// back. After such a refusal the provider waits longer before each new try, doubling from
// FIRST_WAIT_MS up to MAX_WAIT_MS, until a write is acknowledged, which says the server saves again
// (SPEC 10.30). The change stays in the page and its local copy meanwhile, and is sent at each try.
import type { WebsocketProvider } from 'y-websocket';
import { CloseCode, STORE_UNREACHABLE_REASON } from '../../shared/schema.js';

export const FIRST_WAIT_MS = 1000;
export const MAX_WAIT_MS = 16_000;

/** Whether a close says the server cannot save right now. */
export function isStoreRefusal(event: { code: number; reason: string } | null): boolean {
  return event !== null && event.code === CloseCode.serverError && String(event.reason) === STORE_UNREACHABLE_REASON;
}

/** How long to wait before the next try after the `refusals`-th refusal in a row (1, 2, …). */
export function waitAfterRefusals(refusals: number): number {
  return Math.min(FIRST_WAIT_MS * 2 ** Math.max(0, refusals - 1), MAX_WAIT_MS);
}

export class StoreRetry {
  private refusals = 0;
  private readonly normalMaxBackoff: number;

  /** `told(refused)`: whether the server is known to be unable to save (from the first refusal until a write is acknowledged). */
  constructor(
    private readonly provider: WebsocketProvider,
    private readonly told: (refused: boolean, waitMs: number) => void = () => {},
  ) {
    this.normalMaxBackoff = provider.maxBackoffTime;
    // Heard before y-websocket counts the attempt and picks its wait: min(2^attempts × 100 ms, maxBackoffTime).
    provider.on('connection-close', (event) => {
      if (!isStoreRefusal(event)) {
        provider.maxBackoffTime = this.normalMaxBackoff;
        return;
      }
      this.refusals++;
      const wait = waitAfterRefusals(this.refusals);
      provider.maxBackoffTime = wait;
      // Past any count a sync reset: the wait is the cap, `wait`.
      provider.wsUnsuccessfulReconnects = Math.max(provider.wsUnsuccessfulReconnects, 64);
      this.told(true, wait);
    });
  }

  /** A write this page sent was acknowledged as stored: the server saves again. */
  acknowledged(): void {
    if (this.refusals === 0) return;
    this.refusals = 0;
    this.provider.maxBackoffTime = this.normalMaxBackoff;
    this.told(false, 0);
  }
}
