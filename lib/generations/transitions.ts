import type { ProviderTaskStatus } from "@/lib/cometapi/types";
import type { GenerationChange, StatusNote } from "./generation-change";

/**
 * Each step of a generation's life as a typed change. lifecycle.ts writes them (guarded by
 * the status the caller saw); the worker builds the outcome of a check from them.
 */

/** Waiting for room at the provider; `note` says why when a send was refused. */
export function toQueued(note?: StatusNote): GenerationChange & { status: "queued" } {
  return {
    status: "queued",
    nextCheckAt: null,
    ...(note ? { errorCode: note.code, errorMessage: note.message } : {}),
  };
}

/** The provider took the create: follow the task from now on. */
export function toSubmitted(
  task: { taskId: string; status: ProviderTaskStatus },
  now: Date,
  nextCheckAt: Date,
): GenerationChange & { status: "submitted" | "processing" } {
  return {
    status: task.status === "processing" ? "processing" : "submitted",
    providerTaskId: task.taskId,
    submittedAt: now,
    startedAt: null,
    finishedAt: null,
    nextCheckAt,
    checkAttempts: 0,
    errorCode: null,
    errorMessage: null,
  };
}

/** The create's fate is unknown: never resubmitted blindly, a person decides. */
export function toUncertain(note: StatusNote): GenerationChange & { status: "uncertain" } {
  return { status: "uncertain", errorCode: note.code, errorMessage: note.message };
}

export function toFailed(now: Date, note: StatusNote): GenerationChange & { status: "failed" } {
  return {
    status: "failed",
    finishedAt: now,
    errorCode: note.code,
    errorMessage: note.message,
    nextCheckAt: null,
    providerVideoUrl: null,
  };
}

export function toCanceled(now: Date, note: StatusNote): GenerationChange & { status: "canceled" } {
  return {
    status: "canceled",
    finishedAt: now,
    nextCheckAt: null,
    errorCode: note.code,
    errorMessage: note.message,
  };
}

/** The result is stored in MEDIA_DIR: the generation is done. */
export function toSucceeded(
  saved: Required<Pick<GenerationChange, "videoPath" | "posterPath">> & GenerationChange,
  startedAt: Date,
): GenerationChange & { status: "succeeded" } {
  return {
    ...saved,
    status: "succeeded",
    startedAt,
    finishedAt: new Date(),
    providerVideoUrl: null,
    errorCode: null,
    errorMessage: null,
    checkAttempts: 0,
    nextCheckAt: null,
  };
}

/** "Check again": follow a timed-out or unsaved task again, with a fresh time limit. */
export function toResumed(
  providerStatus: Exclude<ProviderTaskStatus, "failed">,
  now: Date,
): GenerationChange & { status: "submitted" | "processing" } {
  return {
    // A finished task goes through processing, so the worker fetches a fresh result link.
    status: providerStatus === "submitted" ? "submitted" : "processing",
    // The time limit counts from startedAt when that is later: a fresh window from now.
    startedAt: now,
    finishedAt: null,
    nextCheckAt: now,
    checkAttempts: 0,
    errorCode: null,
    errorMessage: null,
  };
}
