/**
 * When to look at a task next. The wait grows with the task's age (a long render is not
 * going to finish in the next five seconds, and this keeps a 5-minute task under ~30
 * queries); provider trouble backs off exponentially; with callbacks configured polling is
 * only the fallback and runs three times slower. Jitter keeps tasks from polling in lockstep.
 */
export function nextCheckDelayMs(options: {
  taskAgeMs: number;
  consecutiveErrors: number;
  minPollMs: number;
  /** True when the provider was given a callback URL: polls are a safety net only. */
  callbacks?: boolean;
  random?: () => number;
}): number {
  const { taskAgeMs, consecutiveErrors, minPollMs } = options;
  const random = options.random ?? Math.random;
  const ageFactor =
    taskAgeMs < 60_000 ? 1 : taskAgeMs < 3 * 60_000 ? 2 : taskAgeMs < 6 * 60_000 ? 4 : 6;
  const errorFactor = 2 ** Math.min(consecutiveErrors, 6);
  const callbackFactor = options.callbacks ? 3 : 1;
  const base = Math.min(
    minPollMs * ageFactor * errorFactor * callbackFactor,
    Math.max(60_000, minPollMs),
  );
  const jitter = 0.8 + random() * 0.4;
  return Math.round(base * jitter);
}
