import "server-only";
import { findGenerationByCallbackToken } from "@/lib/generations/generation-repository";
import { dueNow } from "@/lib/generations/lifecycle";
import { markStage } from "@/lib/worker/stage-clock";
import { wakeWorker } from "@/lib/worker/wake";

export type CallbackOutcome = "unknown" | "ignored" | "woken";

/** Tokens are newSecretId(32): anything else is not worth a database lookup. */
const TOKEN_PATTERN = /^[0-9a-z]{16,64}$/;

/**
 * A provider callback is unsigned, so its body is never trusted (not its status, not its
 * URL). It only tells us to look now: the worker re-reads the task from the provider and
 * acts on that. Duplicates just move nextCheckAt to now again, which is harmless.
 */
export async function handleKlingCallback(token: string): Promise<CallbackOutcome> {
  if (!TOKEN_PATTERN.test(token)) return "unknown";
  const row = await findGenerationByCallbackToken(token);
  if (!row) return "unknown";
  markStage(row.id, "callback");
  const woken = await dueNow(row.id);
  if (!woken) return "ignored";
  wakeWorker();
  return "woken";
}
