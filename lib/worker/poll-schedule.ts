/**
 * When to look at a task next. Young tasks are rarely done (the provider takes a minute or
 * more), so the wait grows with age; provider trouble backs off exponentially. Jitter keeps
 * many tasks from polling in lockstep.
 */
export function nextCheckDelayMs(options: {
  taskAgeMs: number;
  consecutiveErrors: number;
  minPollMs: number;
  random?: () => number;
}): number {
  const { taskAgeMs, consecutiveErrors, minPollMs } = options;
  const random = options.random ?? Math.random;
  const ageFactor = taskAgeMs < 60_000 ? 1 : taskAgeMs < 5 * 60_000 ? 1.5 : 2;
  const errorFactor = 2 ** Math.min(consecutiveErrors, 6);
  const base = Math.min(minPollMs * ageFactor * errorFactor, Math.max(60_000, minPollMs));
  const jitter = 0.8 + random() * 0.4;
  return Math.round(base * jitter);
}
