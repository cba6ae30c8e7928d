import "server-only";
import { readFile } from "node:fs/promises";
import { isLocalMessage, localMessage } from "@/i18n/local-message";
import { isElementsUnsupportedError } from "@/lib/cometapi/elements-support";
import type { ElementClient, ElementTag, ProviderElementTask } from "@/lib/cometapi/elements-types";
import { isRetryableProviderError, isTaskNotFoundError } from "@/lib/cometapi/errors";
import { AppError, isAppError } from "@/lib/errors";
import { resolveExistingMediaPath } from "@/lib/storage/media-store";
import { providerMediaBase, providerUrlFor } from "@/lib/uploads/provider-media-url";
import type { ElementTaskRow } from "./element-task-repository";
import {
  ELEMENTS_UNSUPPORTED_MESSAGE,
  rememberElementsUnsupported,
} from "./elements-support-verdict";

/** What one step decided: a patch for the row, and the finished element if Kling made it. */
export type ElementStepOutcome = {
  patch: {
    status?: string;
    providerTaskId?: string;
    failReason?: string;
    nextCheckAt?: Date | null;
    pollCount?: number;
  };
  finished?: ProviderElementTask["element"];
};

export type ElementStepContext = {
  client: ElementClient;
  now: Date;
  minPollMs: number;
  taskTimeoutMs: number;
  callbackUrl: string | undefined;
  /** Writes `submitting` under the lease before the create leaves; false = lease lost. */
  markSubmitting: () => Promise<boolean>;
};

/**
 * One step of an element task: send it (queued, or `submitting` left by a crash: Kling's
 * unique external_task_id refuses a second copy) or ask Kling how it is going.
 */
export async function stepElementTask(
  row: ElementTaskRow,
  ctx: ElementStepContext,
): Promise<ElementStepOutcome | undefined> {
  if (row.status === "queued" || row.status === "submitting") return submit(row, ctx);
  if (!row.providerTaskId) return fail(localMessage("elementRules.lostTaskId"));
  if (ctx.now.getTime() - row.createdAt.getTime() > ctx.taskTimeoutMs) {
    const minutes = Math.round(ctx.taskTimeoutMs / 60_000);
    return fail(localMessage("elementRules.tookTooLong", { minutes }));
  }
  try {
    const task = await ctx.client.getElementTask(row.providerTaskId);
    if (task.status === "failed")
      return fail(task.statusMessage ?? localMessage("elementRules.noReason"));
    if (task.status === "succeed") {
      return { patch: { status: "succeed", nextCheckAt: null }, finished: task.element };
    }
    return later(row, ctx, task.status);
  } catch (error) {
    if (isTaskNotFoundError(error)) return fail(localMessage("elementRules.taskUnknown"));
    return failOrLater(error, row, ctx, row.status);
  }
}

async function submit(row: ElementTaskRow, ctx: ElementStepContext) {
  if (!(await ctx.markSubmitting())) return undefined;
  try {
    const others = JSON.parse(row.otherImagePaths) as string[];
    const task = await ctx.client.createElement({
      name: row.name,
      description: row.description,
      tag: row.tag as ElementTag,
      frontImage: await imageForProvider(row.frontImagePath),
      otherImages: await Promise.all(others.map(imageForProvider)),
      callbackUrl: ctx.callbackUrl,
      externalTaskId: row.id,
    });
    return {
      patch: {
        status: task.status === "succeed" ? "processing" : task.status,
        providerTaskId: task.taskId,
        nextCheckAt: new Date(ctx.now.getTime() + ctx.minPollMs),
        pollCount: 0,
      },
    };
  } catch (error) {
    return failOrLater(error, row, ctx, "queued");
  }
}

function failOrLater(error: unknown, row: ElementTaskRow, ctx: ElementStepContext, status: string) {
  if (isElementsUnsupportedError(error)) {
    rememberElementsUnsupported();
    return fail(ELEMENTS_UNSUPPORTED_MESSAGE);
  }
  if (isRetryableProviderError(error)) return later(row, ctx, status);
  return fail(isAppError(error) ? error.message : localMessage("elementRules.notCreated"));
}

/** Polls back off from minPollMs to at most 30 s; Kling gives no latency figure for elements. */
function later(row: ElementTaskRow, ctx: ElementStepContext, status: string): ElementStepOutcome {
  const delay = Math.min(30_000, ctx.minPollMs * 1.5 ** Math.min(row.pollCount, 10));
  return {
    patch: {
      status,
      nextCheckAt: new Date(ctx.now.getTime() + delay),
      pollCount: row.pollCount + 1,
    },
  };
}

function fail(reason: string): ElementStepOutcome {
  // A catalog message is kept whole (cut, it could not be said); the provider's words are capped.
  const failReason = isLocalMessage(reason) ? reason : reason.slice(0, 500);
  return { patch: { status: "failed", failReason, nextCheckAt: null } };
}

/** Like a generation's images: a signed link when the studio is public, else bare base64. */
async function imageForProvider(mediaPath: string): Promise<string> {
  const base = providerMediaBase();
  if (base.ok && base.public) return providerUrlFor(mediaPath, base);
  try {
    return (await readFile(await resolveExistingMediaPath(mediaPath))).toString("base64");
  } catch {
    throw new AppError("invalid_input", localMessage("elementRules.imageMissing"));
  }
}
