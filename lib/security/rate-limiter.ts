/**
 * In-memory sliding-window limiter. One process only: behind several instances each counts
 * on its own, which still bounds the total at limit × instances. Good enough for a studio
 * with one owner; a shared store would be the next step.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly options: { limit: number; windowMs: number; maxKeys?: number }) {}

  /** Seconds until `key` may act again, or 0 when it may act now. Does not count. */
  retryAfterSeconds(key: string, now: number = Date.now()): number {
    const recent = this.recent(key, now);
    if (recent.length < this.options.limit) return 0;
    const oldest = recent[recent.length - this.options.limit] ?? now;
    return Math.max(1, Math.ceil((oldest + this.options.windowMs - now) / 1000));
  }

  /** Counts one action for `key`. */
  hit(key: string, now: number = Date.now()): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.hits.set(key, recent);
    this.evictIfLarge(now);
  }

  /** Counts one action and says whether it was allowed (0) or how long to wait. */
  take(key: string, now: number = Date.now()): number {
    const wait = this.retryAfterSeconds(key, now);
    if (wait === 0) this.hit(key, now);
    return wait;
  }

  reset(): void {
    this.hits.clear();
  }

  private recent(key: string, now: number): number[] {
    const since = now - this.options.windowMs;
    return (this.hits.get(key) ?? []).filter((time) => time > since);
  }

  /** A flood of distinct keys (spoofed addresses) must not grow memory without bound. */
  private evictIfLarge(now: number): void {
    const maxKeys = this.options.maxKeys ?? 10_000;
    if (this.hits.size <= maxKeys) return;
    for (const key of this.hits.keys()) {
      if (this.hits.size <= maxKeys / 2) break;
      // Oldest-inserted first; keys still active are dropped too once over the cap.
      if (this.recent(key, now).length === 0 || this.hits.size > maxKeys) this.hits.delete(key);
    }
  }
}
