import "server-only";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { sumEstimatedSpendSince } from "./daily-spend";
import { SlidingWindowLimiter } from "./rate-limiter";

/**
 * Keeps the key from being spent by a runaway script or a stolen session: a per-session
 * rate for Generate and uploads, and an optional daily budget in estimated USD.
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

/** Call before creating a generation; throws `rate_limited` with a message a person can act on. */
export async function assertSpendAllowed(
  sessionKey: string,
  estimatedCostUsd: number,
): Promise<void> {
  const budget = getEnv().security.dailyBudgetUsd;
  if (budget !== undefined) {
    const spent = await sumEstimatedSpendSince(startOfUtcDay());
    if (spent + Math.max(0, estimatedCostUsd) > budget + 1e-9) {
      throw new AppError(
        "rate_limited",
        `Today's budget of ${usd(budget)} is spent (${usd(spent)} so far, this one would cost about ${usd(estimatedCostUsd)}). It resets at midnight UTC, or raise DAILY_BUDGET_USD.`,
      );
    }
  }
  const wait = getLimiters().generate.take(sessionKey);
  if (wait > 0) {
    throw new AppError("rate_limited", `Too many generations in a minute. Try again in ${wait} s.`);
  }
}

/** Call before accepting an upload's bytes. */
export function assertUploadAllowed(sessionKey: string): void {
  const wait = getLimiters().upload.take(sessionKey);
  if (wait > 0)
    throw new AppError("rate_limited", `Too many uploads in a minute. Try again in ${wait} s.`);
}

export function resetSpendGuardForTests(): void {
  limiters = undefined;
}

export function startOfUtcDay(now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

function usd(value: number): string {
  return `$${value.toFixed(2)}`;
}
