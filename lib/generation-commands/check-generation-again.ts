import "server-only";
import { localMessage } from "@/i18n/local-message";
import { getCometClient } from "@/lib/cometapi/get-comet-client";
import { AppError } from "@/lib/errors";
import { findGenerationRow } from "@/lib/generations/generation-repository";
import type { GenerationView } from "@/lib/generations/generation-view";
import { noteProviderFailure, resumeFollowing } from "@/lib/generations/lifecycle";
import { getGenerationWithFacts } from "@/lib/progress/progress-facts";
import { withProviderSlot } from "@/lib/worker/provider-gate";
import { wakeWorker } from "@/lib/worker/wake";

/** Failures worth another look: the task itself may still be fine at the provider. */
const RECHECKABLE_FAILURES = new Set(["timed_out", "download_failed"]);

export const NO_LOOKUP_EXPLANATION = localMessage("serverErrors.noLookup");

/**
 * "Check again". A timed-out (or download-failed) generation: asks the provider about its
 * task now and, unless it failed there, resumes following it with a fresh time limit. An
 * uncertain one: there is nothing to ask, which the error says plainly.
 */
export async function checkGenerationAgain(id: string): Promise<GenerationView> {
  const row = await findGenerationRow(id);
  if (!row) throw new AppError("not_found", localMessage("composerRules.noSuchGeneration"));
  if (!row.providerTaskId) {
    if (row.status === "uncertain") throw new AppError("conflict", NO_LOOKUP_EXPLANATION);
    throw new AppError("conflict", localMessage("composerRules.checkNoTask"));
  }
  if (row.status !== "failed" || !RECHECKABLE_FAILURES.has(row.errorCode ?? "")) {
    throw new AppError("conflict", localMessage("composerRules.checkOnlyTimedOut"));
  }
  const taskId = row.providerTaskId;
  const task = await withProviderSlot(() => getCometClient().getTask(taskId));
  const now = new Date();
  if (task.status === "failed") {
    await noteProviderFailure(id, {
      code: "provider_failed",
      message: task.statusMessage || localMessage("failureDetails.taskFailedAtProvider"),
    });
    return getGenerationWithFacts(id);
  }
  const resumed = await resumeFollowing(id, task.status, now);
  if (resumed) wakeWorker();
  return getGenerationWithFacts(id);
}
