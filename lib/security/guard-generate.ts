import "server-only";
import { requireSession } from "@/lib/auth/session";
import { estimateCostUsd } from "@/lib/generations/estimate-cost";
import { DURATIONS, type Mode } from "@/lib/generations/limits";
import { assertCleanInput } from "./hostile-input";
import { assertSpendAllowed } from "./spend-guard";

/**
 * The checks every Generate goes through before any validation or database write: a
 * session, the per-session rate and the daily budget, then a look for hostile text. The cost is read leniently from the
 * untrusted input (worst case where unreadable); validation proper happens afterwards.
 */
export async function guardGenerate(input: unknown): Promise<void> {
  const session = await requireSession();
  await assertSpendAllowed(session.key, worstCaseCost(input));
  assertCleanInput(input);
}

function worstCaseCost(input: unknown): number {
  const record =
    typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  const mode: Mode = record.mode === "std" ? "std" : "pro";
  const duration = (DURATIONS as readonly unknown[]).includes(record.duration)
    ? Number(record.duration)
    : 10;
  const videos = record.videos ?? record.videoList ?? record.video;
  const hasVideo = Array.isArray(videos) ? videos.length > 0 : Boolean(videos);
  return estimateCostUsd({ mode, seconds: duration, hasVideo });
}
