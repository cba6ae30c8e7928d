import "server-only";

/**
 * After the provider says "busy" (429, Kling 1302/1303) the whole queue waits, so the
 * oldest generation keeps its place instead of younger ones slipping past it.
 */
const holder = globalThis as unknown as { omniQueuePausedUntil?: number };

export function pauseQueue(ms: number, now = Date.now()): void {
  holder.omniQueuePausedUntil = Math.max(holder.omniQueuePausedUntil ?? 0, now + ms);
}

export function queuePausedFor(now = Date.now()): number {
  return Math.max(0, (holder.omniQueuePausedUntil ?? 0) - now);
}

export function resetQueuePause(): void {
  holder.omniQueuePausedUntil = undefined;
}
