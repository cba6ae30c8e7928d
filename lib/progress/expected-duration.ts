import "server-only";
import { getEnv } from "@/lib/env";
import { findRecentRunTimesMs } from "@/lib/generations/generation-repository";
import { phaseDurations } from "@/lib/simulator/task-timeline";

/** What an estimate was made from, so a test (and a reader of the view) can tell. */
export type ExpectedBasis = "history" | "simulator" | "contract";
export type ExpectedDuration = { seconds: number; basis: ExpectedBasis; samples: number };
export type RunRecipe = { model: string; mode: string; duration: string };

/**
 * Without history and without the simulator: the contract's third-party latency reports
 * (§8): std about 0.5–2 min, pro about 1–5 min; the middle of each range.
 */
const CONTRACT_SECONDS: Record<string, number> = { std: 75, pro: 180 };
/** The last this many finished runs of the same recipe make the median. */
export const HISTORY_SAMPLE = 20;
/**
 * After the simulator says "succeed" the studio still downloads, probes and makes a poster;
 * the simulator's render may also end after its clock (it waits for the MP4).
 */
const SIMULATOR_FINISH_ALLOWANCE_MS = 1000;
const CACHE_MS = 30_000;
const cache = new Map<string, { at: number; expected: ExpectedDuration }>();

/**
 * Seconds from submission to a stored video, expected for this model, mode and length: the
 * median of the studio's own last finished runs of that recipe; with none, the built-in
 * simulator's own timeline in demo mode, else the contract's typical latency. Cached per
 * recipe for 30 s, so every watcher (card, detail) reads one figure.
 */
export async function expectedDurationFor(
  recipe: RunRecipe,
  now = Date.now(),
): Promise<ExpectedDuration> {
  const key = `${recipe.model}|${recipe.mode}|${recipe.duration}`;
  const hit = cache.get(key);
  if (hit && now - hit.at < CACHE_MS) return hit.expected;
  const runs = (await findRecentRunTimesMs(recipe, HISTORY_SAMPLE)).sort((a, b) => a - b);
  const expected: ExpectedDuration =
    runs.length > 0
      ? {
          seconds: Math.max(1, Math.round(median(runs) / 1000)),
          basis: "history",
          samples: runs.length,
        }
      : withoutHistory(recipe.mode);
  cache.set(key, { at: now, expected });
  return expected;
}

function withoutHistory(mode: string): ExpectedDuration {
  const env = getEnv();
  if (env.simulator.builtIn) {
    const { submittedMs, processingMs } = phaseDurations(
      mode === "pro" ? "pro" : "std",
      env.simulator.speed,
    );
    const ms = submittedMs + processingMs + SIMULATOR_FINISH_ALLOWANCE_MS;
    return { seconds: Math.max(1, Math.round(ms / 1000)), basis: "simulator", samples: 0 };
  }
  return { seconds: CONTRACT_SECONDS[mode] ?? 120, basis: "contract", samples: 0 };
}

/** Tests change the database under one process: forget what was cached. */
export function forgetExpectedDurations(): void {
  cache.clear();
}

export function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
