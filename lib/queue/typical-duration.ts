import "server-only";
import { findRecentDurationsMs } from "@/lib/generations/generation-repository";

/**
 * Without history, the contract's third-party latency reports (§8): std about 0.5–2 min,
 * pro about 1–5 min; the middle of each range.
 */
export const DEFAULT_TYPICAL_SECONDS: Record<string, number> = { std: 75, pro: 180 };

const SAMPLE = 20;
const CACHE_MS = 30_000;
const cache = new Map<string, { at: number; seconds: number }>();

/** Median seconds from submission to a stored video over recent successes of this mode. */
export async function typicalSecondsFor(mode: string, now = Date.now()): Promise<number> {
  const hit = cache.get(mode);
  if (hit && now - hit.at < CACHE_MS) return hit.seconds;
  const durations = (await findRecentDurationsMs(mode, SAMPLE)).sort((a, b) => a - b);
  const seconds =
    durations.length === 0
      ? (DEFAULT_TYPICAL_SECONDS[mode] ?? 120)
      : Math.max(1, Math.round(median(durations) / 1000));
  cache.set(mode, { at: now, seconds });
  return seconds;
}

export function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function resetTypicalDurationCache(): void {
  cache.clear();
}
