import "server-only";
import { hostname } from "node:os";
import {
  getProviderErrorDetail,
  isAmbiguousCreateError,
  isProviderBusyError,
} from "@/lib/cometapi/errors";
import { getCometClient } from "@/lib/cometapi/get-comet-client";
import { getEnv } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import { newSecretId } from "@/lib/ids";
import { logError } from "@/lib/log";
import { pauseQueue } from "@/lib/queue/queue-pause";
import { hasRoomToSubmit } from "@/lib/queue/queue-room";
import { withProviderSlot } from "@/lib/worker/provider-gate";
import { wakeWorker } from "@/lib/worker/wake";
import { buildCreateTaskInput } from "./build-create-input";
import { findGenerationRow, type GenerationRow, updateGenerationIf } from "./generation-repository";

/** How long a create may take before its lease runs out and the row is judged orphaned. */
export const SUBMIT_LEASE_MS = 2 * 60_000;

const ACTION_OWNER = `submit-${hostname()}-${process.pid}`;

export type SendOutcome = "submitted" | "uncertain" | "failed" | "busy" | "lost";

/**
 * Takes a freshly inserted row (status `submitting`, no lease) through the queue: sent at
 * once when the provider has room and nobody is waiting ahead of it, else left `queued` for
 * the worker, which submits oldest first.
 */
export async function submitGeneration(row: GenerationRow): Promise<GenerationRow> {
  const callbackToken = row.callbackToken ?? newSecretId();
  if (!(await hasRoomToSubmit({ excludingSelf: true }))) {
    await updateGenerationIf(
      row.id,
      { status: "submitting", leaseOwner: null },
      { status: "queued", callbackToken, nextCheckAt: null },
    );
    wakeWorker();
    return (await findGenerationRow(row.id)) ?? row;
  }
  const until = new Date(Date.now() + SUBMIT_LEASE_MS);
  const claimed = await updateGenerationIf(
    row.id,
    { status: "submitting", leaseOwner: null },
    { callbackToken, leaseOwner: ACTION_OWNER, leaseUntil: until },
  );
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
  const held = { status: "submitting" as const, leaseOwner: owner };
  const release = { leaseOwner: null, leaseUntil: null };
  try {
    const task = await withProviderSlot(async () =>
      getCometClient().createTask({
        ...(await buildCreateTaskInput(row)),
        externalTaskId: options.externalTaskId ?? row.id,
        callbackUrl: callbackUrlFor(row.callbackToken),
      }),
    );
    const now = new Date();
    // The task id must never be lost: even if the lease ran out meanwhile (and the row was
    // judged uncertain), the answer is the truth, so write it for either status.
    const recorded = await updateGenerationIf(
      row.id,
      { status: ["submitting", "uncertain"] },
      {
        ...release,
        status: task.status === "processing" ? "processing" : "submitted",
        providerTaskId: task.taskId,
        submittedAt: now,
        startedAt: null,
        finishedAt: null,
        nextCheckAt: new Date(now.getTime() + env.worker.minPollMs),
        checkAttempts: 0,
        errorCode: null,
        errorMessage: null,
      },
    );
    return recorded ? "submitted" : "lost";
  } catch (error) {
    logError(`create ${row.id}`, error);
    if (isAmbiguousCreateError(error)) {
      await updateGenerationIf(row.id, held, {
        ...release,
        status: "uncertain",
        errorCode: "create_answer_lost",
        errorMessage:
          "The provider did not answer the create request in time. It may or may not have started the task; check again before submitting again, so it is not paid for twice.",
      });
      return "uncertain";
    }
    if (isProviderBusyError(error)) {
      const waitMs = getProviderErrorDetail(error)?.retryAfterMs ?? 5_000;
      pauseQueue(waitMs);
      const toQueue = (options.onBusy ?? "queue") === "queue";
      await updateGenerationIf(row.id, held, {
        ...release,
        status: toQueue ? "queued" : "uncertain",
        errorCode: "provider_busy",
        errorMessage: toQueue
          ? "The provider is busy; this generation waits in the queue and is sent automatically."
          : "The provider is busy right now; nothing was started. Try Submit again in a minute.",
      });
      return "busy";
    }
    const appError = isAppError(error)
      ? error
      : new AppError("internal", "The request could not be sent.");
    await updateGenerationIf(row.id, held, {
      ...release,
      status: "failed",
      finishedAt: new Date(),
      errorCode: appError.code,
      errorMessage: appError.message,
    });
    return "failed";
  }
}

/** The provider posts status changes here; the token alone identifies the generation. */
export function callbackUrlFor(token: string | null): string | undefined {
  const base = getEnv().publicBaseUrl;
  return base && token ? `${base}/api/callbacks/kling/${token}` : undefined;
}
