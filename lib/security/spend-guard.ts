import "server-only";
import { localMessage } from "@/i18n/local-message";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { SlidingWindowLimiter } from "./rate-limiter";

/**
 * Keeps the key from being spent by a runaway script or a stolen session: a per-session
 * rate for Generate and uploads (the daily budget is generation-commands/daily-budget.ts).
 */
let limiters:
  | { generate: SlidingWindowLimiter; upload: SlidingWindowLimiter; key: string }
  | undefined;

function getLimiters() {
  const { generatePerMinute, uploadsPerMinute } = getEnv().security;
  const key = `${generatePerMinute}/${uploadsPerMinute}`;
  if (limiters?.key !== key) {
    limiters = {
      key,
      generate: new SlidingWindowLimiter({ limit: generatePerMinute, windowMs: 60_000 }),
      upload: new SlidingWindowLimiter({ limit: uploadsPerMinute, windowMs: 60_000 }),
    };
  }
  return limiters;
}

/**
 * Call before creating generations; throws `rate_limited` saying how long to wait. A batch of
 * takes counts as that many generations: the limit is on what is spent, not on clicks.
 */
export function assertGenerateRateAllowed(sessionKey: string, generations = 1): void {
  const wait = getLimiters().generate.take(sessionKey, Date.now(), generations);
  if (wait > 0) {
    throw new AppError(
      "rate_limited",
      localMessage("serverErrors.tooManyGenerations", { seconds: wait }),
    );
  }
}

/** Call before accepting an upload's bytes. */
export function assertUploadAllowed(sessionKey: string): void {
  const wait = getLimiters().upload.take(sessionKey);
  if (wait > 0)
    throw new AppError(
      "rate_limited",
      localMessage("serverErrors.tooManyUploads", { seconds: wait }),
    );
}

export function resetSpendGuardForTests(): void {
  limiters = undefined;
}
