import "server-only";

/**
 * After the provider says "busy" (429, Kling 1302/1303) or "down" (Kling 5000/5001) the
 * whole queue waits, so the oldest generation keeps its place instead of younger ones
 * slipping past it. Each refusal in a row doubles the wait (unless the provider named one),
 * so a long maintenance is not met with a create every few seconds.
 */
const holder = globalThis as unknown as {
  omniQueuePausedUntil?: number;
  omniQueueRefusals?: number;
};

const FIRST_WAIT_MS = 5_000;
const LONGEST_WAIT_MS = 5 * 60_000;

export function pauseQueue(ms: number, now = Date.now()): void {
  holder.omniQueuePausedUntil = Math.max(holder.omniQueuePausedUntil ?? 0, now + ms);
}

/** Pauses for the provider's Retry-After, else 5 s doubling per refusal in a row (±20 %). */
export function backOffQueue(retryAfterMs: number | undefined, random = Math.random): number {
  const refusals = holder.omniQueueRefusals ?? 0;
  holder.omniQueueRefusals = refusals + 1;
  const waitMs =
    retryAfterMs ??
    Math.round(Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** refusals) * (0.8 + random() * 0.4));
  pauseQueue(waitMs);
  return waitMs;
}

/** A create went through: the next refusal starts from the first wait again. */
export function clearQueueBackoff(): void {
  holder.omniQueueRefusals = 0;
}

export function queuePausedFor(now = Date.now()): number {
  return Math.max(0, (holder.omniQueuePausedUntil ?? 0) - now);
}

export function resetQueuePause(): void {
  holder.omniQueuePausedUntil = undefined;
  holder.omniQueueRefusals = 0;
}
