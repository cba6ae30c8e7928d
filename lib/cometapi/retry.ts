import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";

export type RetryOptions = {
  /** Total tries, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** The longest wait a Retry-After header may ask for. */
  retryAfterCapMs: number;
};

export const DEFAULT_RETRY: RetryOptions = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  retryAfterCapMs: 30_000,
};

/** Exponential backoff with full jitter, unless the provider named a wait (Retry-After). */
export function computeRetryDelay(
  retryIndex: number,
  options: RetryOptions,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, options.retryAfterCapMs);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}

export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const canceled = () =>
      new AppError("provider_unavailable", localMessage("failureDetails.requestCanceled"), {
        detail: { provider: "cometapi", operation: "get", reason: "canceled", ambiguous: false },
      });
    if (signal?.aborted) {
      reject(canceled());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(canceled());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
