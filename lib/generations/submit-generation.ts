import "server-only";
import { isAmbiguousCreateError } from "@/lib/cometapi/errors";
import { getCometClient } from "@/lib/cometapi/get-comet-client";
import { getEnv } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { type GenerationRow, updateGeneration } from "./generation-repository";
import type { AspectRatio, Duration, Mode } from "./limits";

/**
 * Sends the create request for a row in `submitting`. The row is written before the request
 * leaves, with our id as `external_task_id`, so a crash or a lost answer can never lead to
 * a blind second create: such rows become `uncertain` and a person decides.
 */
export async function submitGeneration(row: GenerationRow): Promise<GenerationRow> {
  const env = getEnv();
  try {
    const task = await getCometClient().createTask({
      prompt: row.prompt,
      mode: row.mode as Mode,
      aspectRatio: (row.aspectRatio ?? undefined) as AspectRatio | undefined,
      duration: row.duration as Duration,
      externalTaskId: row.id,
    });
    const now = new Date();
    return await updateGeneration(row.id, {
      status: task.status === "processing" ? "processing" : "submitted",
      providerTaskId: task.taskId,
      submittedAt: now,
      nextCheckAt: new Date(now.getTime() + env.worker.minPollMs),
      errorCode: null,
      errorMessage: null,
    });
  } catch (error) {
    logError(`create ${row.id}`, error);
    if (isAmbiguousCreateError(error)) {
      return updateGeneration(row.id, {
        status: "uncertain",
        errorCode: "create_answer_lost",
        errorMessage:
          "The provider did not answer the create request in time. It may or may not have started the task; check again before submitting again, so it is not paid for twice.",
      });
    }
    const appError = isAppError(error)
      ? error
      : new AppError("internal", "The request could not be sent.");
    return updateGeneration(row.id, {
      status: "failed",
      finishedAt: new Date(),
      errorCode: appError.code,
      errorMessage: appError.message,
    });
  }
}
