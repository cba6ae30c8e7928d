import "server-only";
import { localMessage } from "@/i18n/local-message";
import { isTaskNotFoundError } from "@/lib/cometapi/errors";
import type { CometClient } from "@/lib/cometapi/types";
import { AppError, isAppError } from "@/lib/errors";
import type { GenerationChange } from "@/lib/generations/generation-change";
import type { GenerationRow } from "@/lib/generations/generation-repository";
import { toFailed, toSucceeded } from "@/lib/generations/transitions";
import { logError } from "@/lib/log";
import { isExpiredLinkError } from "@/lib/storage/download-to-file";
import { nextCheckDelayMs } from "./poll-schedule";
import { withProviderSlot } from "./provider-gate";
import { saveResult } from "./save-result";
import { markStage } from "./stage-clock";

export type CheckContext = {
  client: CometClient;
  now: Date;
  minPollMs: number;
  taskTimeoutMs: number;
  /** The provider was given a callback URL, so polling is only the fallback. */
  callbacks?: boolean;
  /** Called once when the check turns into saving the result (download, probe, poster). */
  onSaving?: () => void;
};

/** Consecutive download failures after which a result is given up on. */
const MAX_DOWNLOAD_ATTEMPTS = 8;

/**
 * One look at one followed generation: ask the provider, and when it reports success copy
 * the result. Returns the change to write (lifecycle.ts settleCheck); it never throws, so
 * one bad task cannot stop the loop.
 */
export async function checkGeneration(
  row: GenerationRow,
  ctx: CheckContext,
): Promise<GenerationChange> {
  const ageMs = ctx.now.getTime() - (row.submittedAt ?? row.createdAt).getTime();
  // "Check again" on a timed-out task sets startedAt to that moment, so the clock restarts;
  // so does the provider's success: asking again for an expired result link gets a window.
  const timeoutBase = Math.max(
    (row.submittedAt ?? row.createdAt).getTime(),
    row.startedAt?.getTime() ?? 0,
    row.providerDoneAt?.getTime() ?? 0,
  );
  if (ctx.now.getTime() - timeoutBase > ctx.taskTimeoutMs && row.status !== "downloading") {
    return failed(
      ctx.now,
      "timed_out",
      localMessage("failureDetails.timedOut", { minutes: Math.round(ctx.taskTimeoutMs / 60_000) }),
    );
  }
  if (!row.providerTaskId) {
    return failed(ctx.now, "internal", localMessage("failureDetails.noTaskId"));
  }
  try {
    if (row.status === "downloading" && row.providerVideoUrl) {
      ctx.onSaving?.();
      return await downloadResult(row, row.providerVideoUrl, ctx);
    }
    const providerTaskId = row.providerTaskId;
    const task = await withProviderSlot(() => ctx.client.getTask(providerTaskId));
    if (task.status === "failed") {
      return failed(
        ctx.now,
        "provider_failed",
        task.statusMessage || localMessage("failureDetails.providerReportedFailure"),
      );
    }
    if (task.status === "succeeded") {
      if (!task.videoUrl)
        return failed(
          ctx.now,
          "provider_failed",
          localMessage("failureDetails.successWithoutVideo"),
        );
      const doneAt = row.providerDoneAt ?? ctx.now;
      markStage(row.id, "queried");
      ctx.onSaving?.();
      return { providerDoneAt: doneAt, ...(await downloadResult(row, task.videoUrl, ctx)) };
    }
    return {
      status: task.status,
      startedAt: task.status === "processing" ? (row.startedAt ?? ctx.now) : row.startedAt,
      errorCode: null,
      errorMessage: null,
      checkAttempts: 0,
      nextCheckAt: later(ctx, ageMs, 0),
    };
  } catch (error) {
    logError(`check ${row.id}`, error);
    const attempts = row.checkAttempts + 1;
    if (isTaskNotFoundError(error)) {
      const gone = taskGone(row, ctx.now);
      if (gone) return gone;
    }
    const message = isAppError(error)
      ? error.message
      : localMessage("failureDetails.checkUnexpected");
    return {
      // The task is still the provider's: keep following it, and show why it is slow.
      errorCode: isTaskNotFoundError(error)
        ? TASK_NOT_FOUND
        : isAppError(error)
          ? error.code
          : "internal",
      errorMessage: localMessage("failureDetails.retrying", { reason: message }),
      checkAttempts: attempts,
      nextCheckAt: later(ctx, ageMs, attempts),
    };
  }
}

const TASK_NOT_FOUND = "task_not_found";

/**
 * The provider answered "task not found". After it reported success (the result link
 * expired and we asked again) the task is gone for good; before that, a relay may not know
 * a brand-new task yet, so it takes the same answer twice in a row to give up.
 */
function taskGone(row: GenerationRow, now: Date): GenerationChange | undefined {
  if (row.providerDoneAt) {
    return failed(now, TASK_NOT_FOUND, localMessage("failureDetails.taskGoneAfterSuccess"));
  }
  if (row.errorCode === TASK_NOT_FOUND) {
    return failed(now, TASK_NOT_FOUND, localMessage("failureDetails.taskGoneTwice"));
  }
  return undefined;
}

async function downloadResult(
  row: GenerationRow,
  url: string,
  ctx: CheckContext,
): Promise<GenerationChange> {
  try {
    return toSucceeded(await saveResult(row.id, url), row.startedAt ?? ctx.now);
  } catch (error) {
    logError(`download ${row.id}`, error);
    const attempts = row.checkAttempts + 1;
    if (attempts >= MAX_DOWNLOAD_ATTEMPTS) {
      const reason =
        error instanceof AppError
          ? error.message
          : localMessage("failureDetails.downloadKeptFailing");
      return failed(
        ctx.now,
        "download_failed",
        localMessage("failureDetails.saveFailed", { reason }),
      );
    }
    // An expired or removed link answers 403, 404 or 410: forget it, so the next check asks
    // the provider for the task again (a fresh link) instead of retrying the dead one.
    const expired = isExpiredLinkError(error);
    return {
      status: expired ? "processing" : "downloading",
      providerVideoUrl: expired ? null : url,
      errorCode: "download_failed",
      errorMessage: localMessage("failureDetails.savingRetrying"),
      checkAttempts: attempts,
      nextCheckAt: later(ctx, 0, attempts),
    };
  }
}

function failed(now: Date, code: string, message: string): GenerationChange {
  return toFailed(now, { code, message });
}

function later(ctx: CheckContext, ageMs: number, errors: number): Date {
  const delay = nextCheckDelayMs({
    taskAgeMs: ageMs,
    consecutiveErrors: errors,
    minPollMs: ctx.minPollMs,
    callbacks: ctx.callbacks ?? false,
  });
  return new Date(ctx.now.getTime() + delay);
}
