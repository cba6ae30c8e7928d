import "server-only";
import { requireSession } from "@/lib/auth/session";
import { MAX_TAKES, readTakes, takesSchema } from "@/lib/composer/takes";
import { estimateCostUsd } from "@/lib/generations/estimate-cost";
import { DURATIONS, type Mode } from "@/lib/kling-contract/limits";
import { isModelName, V3_MODEL } from "@/lib/kling-contract/models";
import { assertCleanInput } from "@/lib/security/hostile-input";
import { assertGenerateRateAllowed } from "@/lib/security/spend-guard";
import { assertWithinDailyBudget } from "./daily-budget";

/**
 * The checks every Generate goes through before any validation or database write: a
 * session, the per-session rate and the daily budget, then a look for hostile text. The cost
 * and the number of takes are read leniently from the untrusted input (for the budget, the
 * worst case where unreadable): a batch is refused whole, by budget or by rate, before any
 * take is created. Validation proper happens afterwards.
 */
export async function guardGenerate(input: unknown): Promise<void> {
  const session = await requireSession();
  // The budget first: a refused generation should not use up one of the minute's turns.
  await assertWithinDailyBudget(worstCaseCost(input));
  // Valid takes use that many turns; unreadable ones are refused by validation and create
  // nothing, so they use one, as any refused request does.
  assertGenerateRateAllowed(session.key, readTakes(recordOf(input).takes));
  assertCleanInput(input);
}

function recordOf(input: unknown): Record<string, unknown> {
  return typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
}

function worstCaseCost(input: unknown): number {
  const record = recordOf(input);
  const mode: Mode = record.mode === "std" ? "std" : "pro";
  const duration = (DURATIONS as readonly unknown[]).includes(record.duration)
    ? Number(record.duration)
    : 15;
  const videos = record.videos ?? record.videoList ?? record.video;
  const hasVideo = Array.isArray(videos) ? videos.length > 0 : Boolean(videos);
  const model = isModelName(record.model) ? record.model : V3_MODEL;
  const perTake = estimateCostUsd({ model, mode, seconds: duration, hasVideo, sound: true });
  return perTake * worstCaseTakes(record.takes);
}

/** Absent means one take (callers from before Takes); anything unreadable, the most. */
function worstCaseTakes(value: unknown): number {
  if (value === undefined) return 1;
  const parsed = takesSchema.safeParse(value);
  return parsed.success ? parsed.data : MAX_TAKES;
}
