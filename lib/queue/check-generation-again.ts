import "server-only";
import { getCometClient } from "@/lib/cometapi/get-comet-client";
import { AppError } from "@/lib/errors";
import { findGenerationRow, updateGenerationIf } from "@/lib/generations/generation-repository";
import type { GenerationView } from "@/lib/generations/generation-view";
import { withProviderSlot } from "@/lib/worker/provider-gate";
import { wakeWorker } from "@/lib/worker/wake";
import { getGenerationWithFacts } from "./pipeline-facts";

/** Failures worth another look: the task itself may still be fine at the provider. */
const RECHECKABLE_FAILURES = new Set(["timed_out", "download_failed"]);

export const NO_LOOKUP_EXPLANATION =
  "CometAPI offers no way to look a task up by the studio's own id, and its answer to the create request never arrived, so the studio cannot tell whether the provider started this video. If no result appears in your CometAPI dashboard, use Submit again (it may be billed twice if the first one did start).";

/**
 * "Check again". A timed-out (or download-failed) generation: asks the provider about its
 * task now and, unless it failed there, resumes following it with a fresh time limit. An
 * uncertain one: there is nothing to ask, which the error says plainly.
 */
export async function checkGenerationAgain(id: string): Promise<GenerationView> {
  const row = await findGenerationRow(id);
  if (!row) throw new AppError("not_found", "There is no such generation.");
  if (!row.providerTaskId) {
    if (row.status === "uncertain") throw new AppError("conflict", NO_LOOKUP_EXPLANATION);
    throw new AppError("conflict", "This generation has no provider task to check.");
  }
  if (row.status !== "failed" || !RECHECKABLE_FAILURES.has(row.errorCode ?? "")) {
    throw new AppError("conflict", "Only a timed-out or unsaved generation can be checked again.");
  }
  const taskId = row.providerTaskId;
  const task = await withProviderSlot(() => getCometClient().getTask(taskId));
  const now = new Date();
  if (task.status === "failed") {
    await updateGenerationIf(
      id,
      { status: "failed" },
      {
        errorCode: "provider_failed",
        errorMessage: task.statusMessage || "The provider reports that this task failed.",
      },
    );
    return getGenerationWithFacts(id);
  }
  const resumed = await updateGenerationIf(
    id,
    { status: "failed", leaseOwner: null },
    {
      status: task.status === "succeed" ? "processing" : task.status,
      // The time limit counts from startedAt when that is later: a fresh window from now.
      startedAt: now,
      finishedAt: null,
      nextCheckAt: now,
      checkAttempts: 0,
      errorCode: null,
      errorMessage: null,
    },
  );
  if (resumed) wakeWorker();
  return getGenerationWithFacts(id);
}
