// Who may open another socket: an address holding few sockets open may open them as fast as it
// likes (a bot opening articles one after another), while an address opening many at once meets the
// per-address connection rate (SPEC 3.4).
import { KeyedLimiter } from './rate-limit.js';

/** Sockets an address may hold open before its new ones count against the connection rate. */
export const FREE_OPEN_SOCKETS = 8;

export class ConnectionGate {
  private readonly open = new Map<string, number>();
  private readonly rate: KeyedLimiter;

  constructor(connectionRate: number) {
    this.rate = new KeyedLimiter(connectionRate);
  }

  /** Whether `address` may open one more socket; if it may, call the returned release once it closes. */
  enter(address: string): (() => void) | null {
    const held = this.open.get(address) ?? 0;
    if (held >= FREE_OPEN_SOCKETS && !this.rate.take(address)) return null;
    this.open.set(address, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(address) ?? 1) - 1;
      if (left > 0) this.open.set(address, left);
      else this.open.delete(address);
    };
  }
}
