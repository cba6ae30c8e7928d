import "server-only";
import { hostname } from "node:os";
import { localMessage } from "@/i18n/local-message";
import {
  getProviderErrorDetail,
  isAmbiguousCreateError,
  isProviderBusyError,
  isProviderDownError,
} from "@/lib/cometapi/errors";
import { getCometClient } from "@/lib/cometapi/get-comet-client";
import { getEnv } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { findGenerationRow, type GenerationRow } from "@/lib/generations/generation-repository";
import {
  leaseForSend,
  markSendFailed,
  markSendUncertain,
  queueNewGeneration,
  recordSubmitted,
  requeueRefusedSend,
} from "@/lib/generations/lifecycle";
import { newSecretId } from "@/lib/ids";
import { logError } from "@/lib/log";
import { buildCreateTaskInput } from "./build-create-input";
import { withProviderSlot } from "./provider-gate";
import { backOffQueue, clearQueueBackoff } from "./queue-pause";
import { hasRoomToSubmit } from "./queue-room";
import { wakeWorker } from "./wake";

/** How long a create may take before its lease runs out and the row is judged orphaned. */
export const SUBMIT_LEASE_MS = 2 * 60_000;

const ACTION_OWNER = `submit-${hostname()}-${process.pid}`;

export type SendOutcome = "submitted" | "uncertain" | "failed" | "busy" | "lost";

/**
 * Takes a freshly inserted row (status `submitting`, no lease) through the queue: sent at
 * once when the provider has room and nobody is waiting ahead of it, else left `queued` for
 * the worker, which submits oldest first. `unsentAfter`: takes of the same batch inserted
 * with it and submitted after it (they are `submitting` too, but hold no slot yet).
 */
export async function submitGeneration(
  row: GenerationRow,
  options: { unsentAfter?: number } = {},
): Promise<GenerationRow> {
  const callbackToken = row.callbackToken ?? newSecretId();
  if (!(await hasRoomToSubmit({ ownUnsent: 1 + (options.unsentAfter ?? 0) }))) {
    await queueNewGeneration(row.id, callbackToken);
    wakeWorker();
    return (await findGenerationRow(row.id)) ?? row;
  }
  const until = new Date(Date.now() + SUBMIT_LEASE_MS);
  const claimed = await leaseForSend(row.id, { owner: ACTION_OWNER, until, callbackToken });
  if (claimed) await sendCreate({ ...row, callbackToken }, ACTION_OWNER);
  return (await findGenerationRow(row.id)) ?? row;
}

/**
 * Sends the create for a row this owner has leased in `submitting`. The row was written
 * before the request leaves, with an `external_task_id`, so a crash or a lost answer never
 * leads to a blind second create: such rows become `uncertain` and a person decides.
 */
export async function sendCreate(
  row: GenerationRow,
  owner: string,
  options: { externalTaskId?: string; onBusy?: "queue" | "uncertain" } = {},
): Promise<SendOutcome> {
  const env = getEnv();
  try {
    const task = await withProviderSlot(async () =>
      getCometClient().createTask({
        ...(await buildCreateTaskInput(row)),
        externalTaskId: options.externalTaskId ?? row.id,
        callbackUrl: callbackUrlFor(row.callbackToken),
      }),
    );
    clearQueueBackoff();
    const now = new Date();
    const nextCheckAt = new Date(now.getTime() + env.worker.minPollMs);
    const recorded = await recordSubmitted(row.id, task, now, nextCheckAt);
    return recorded ? "submitted" : "lost";
  } catch (error) {
    logError(`create ${row.id}`, error);
    if (isAmbiguousCreateError(error)) {
      await markSendUncertain(row.id, owner, {
        code: "create_answer_lost",
        message: localMessage("failureDetails.createAnswerLost"),
      });
      return "uncertain";
    }
    // Busy (429, 1302, 1303) or down (Kling 5000, 5001): certainly no task was made, so the
    // generation waits in the queue and the whole queue backs off before sending again.
    const down = isProviderDownError(error);
    if (down || isProviderBusyError(error)) {
      backOffQueue(getProviderErrorDetail(error)?.retryAfterMs);
      const toQueue = (options.onBusy ?? "queue") === "queue";
      const reason =
        down && isAppError(error) ? error.message : localMessage("failureDetails.providerBusy");
      const code = down ? "provider_unavailable" : "provider_busy";
      if (toQueue) {
        await requeueRefusedSend(row.id, owner, {
          code,
          message: localMessage("failureDetails.waitsInQueue", { reason }),
        });
      } else {
        await markSendUncertain(row.id, owner, {
          code,
          message: localMessage("failureDetails.nothingStarted", { reason }),
        });
      }
      return "busy";
    }
    const appError = isAppError(error)
      ? error
      : new AppError("internal", localMessage("failureDetails.sendFailed"));
    await markSendFailed(row.id, owner, { code: appError.code, message: appError.message });
    return "failed";
  }
}

/** The provider posts status changes here; the token alone identifies the generation. */
export function callbackUrlFor(token: string | null): string | undefined {
  const base = getEnv().callbackBaseUrl;
  return base && token ? `${base}/api/callbacks/kling/${token}` : undefined;
}
