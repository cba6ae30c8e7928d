/**
 * In-memory sliding-window limiter. One process only: behind several instances each counts
 * on its own, which still bounds the total at limit × instances. Good enough for a studio
 * with one owner; a shared store would be the next step.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly options: { limit: number; windowMs: number; maxKeys?: number }) {}

  /**
   * Seconds until `key` may do `count` actions at once, or 0 when it may now. Does not count.
   * A count above the limit is treated as the limit: it waits for a whole free window.
   */
  retryAfterSeconds(key: string, now: number = Date.now(), count = 1): number {
    const recent = this.recent(key, now);
    const wanted = Math.min(Math.max(1, count), this.options.limit);
    if (recent.length + wanted <= this.options.limit) return 0;
    const mustExpire = recent[recent.length + wanted - this.options.limit - 1] ?? now;
    return Math.max(1, Math.ceil((mustExpire + this.options.windowMs - now) / 1000));
  }

  /** Counts `count` actions for `key`. */
  hit(key: string, now: number = Date.now(), count = 1): void {
    const recent = this.recent(key, now);
    for (let i = 0; i < count; i++) recent.push(now);
    this.hits.set(key, recent);
    this.evictIfLarge(now);
  }

  /** Counts `count` actions (a batch) and says whether they were allowed (0) or how long to wait. */
  take(key: string, now: number = Date.now(), count = 1): number {
    const wait = this.retryAfterSeconds(key, now, count);
    if (wait === 0) this.hit(key, now, count);
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
