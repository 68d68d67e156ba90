// A token bucket: `rate` per second sustained, up to `burst` at once.
export class TokenBucket {
  private tokens: number;
  private last = performance.now();

  constructor(
    private readonly rate: number,
    private readonly burst = rate * 2,
  ) {
    this.tokens = burst;
  }

  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** One bucket per key (a client address, a token), forgetting keys that have been quiet for a minute. */
export class KeyedLimiter {
  private readonly buckets = new Map<string, { bucket: TokenBucket; seen: number }>();
  private sweptAt = Date.now();

  constructor(
    private readonly rate: number,
    private readonly burst = rate * 2,
  ) {}

  take(key: string): boolean {
    const now = Date.now();
    if (now - this.sweptAt > 60_000) {
      for (const [k, v] of this.buckets) if (now - v.seen > 60_000) this.buckets.delete(k);
      this.sweptAt = now;
    }
    let entry = this.buckets.get(key);
    if (!entry) this.buckets.set(key, (entry = { bucket: new TokenBucket(this.rate, this.burst), seen: now }));
    entry.seen = now;
    return entry.bucket.take();
  }
}
