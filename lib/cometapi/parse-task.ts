import { localMessage } from "@/i18n/local-message";
import type { AppError } from "@/lib/errors";
import { type EnvelopeContext, findTaskInLevels } from "./envelope-levels";
import {
  type CometKlingTask,
  CometKlingTaskSchema,
  type CometWrapperTask,
  CometWrapperTaskSchema,
} from "./raw-types";
import { redactAndTruncate } from "./redact";
import { failure } from "./transport";
import type { ProviderTask, ProviderTaskStatus } from "./types";

/** Kling's task_status words (§4) and the domain's: only "succeed" is said differently. */
const KLING_STATUSES = new Map<string, ProviderTaskStatus>([
  ["submitted", "submitted"],
  ["processing", "processing"],
  ["succeed", "succeeded"],
  ["failed", "failed"],
]);

/** new-api's own status words (§3.3), used when no Kling task_status is found. */
const WRAPPER_STATUSES: Record<string, ProviderTaskStatus> = {
  NOT_START: "submitted",
  QUEUED: "submitted",
  SUBMITTED: "submitted",
  IN_PROGRESS: "processing",
  SUCCESS: "succeeded",
  FAILURE: "failed",
};

/**
 * Reshapes a successful envelope into a ProviderTask. The Kling task object sits at `data`
 * (§3.1/§3.2), `data.data` (new-api wrapper, §3.3) or `data.data.data` (a relay that wraps
 * the whole Kling envelope); the wrapper's own `status` and `fail_reason` are the fallback.
 */
export function toProviderTask(json: unknown, context: EnvelopeContext): ProviderTask {
  const {
    levels,
    task: kling,
    taskId,
  } = findTaskInLevels(json, CometKlingTaskSchema, context.fallbackTaskId);
  const wrapperParse = levels[0] ? CometWrapperTaskSchema.safeParse(levels[0]) : undefined;
  const wrapper = wrapperParse?.success ? wrapperParse.data : undefined;
  // new-api's create answer (§3.3 wrapper) carries the task id and no status: just created.
  const status =
    pickStatus(kling, wrapper) ??
    (context.operation === "create" && taskId ? "submitted" : undefined);
  if (!taskId || !status) {
    throw badShape(context, taskId ? "no task status" : "no task id");
  }
  const video = Array.isArray(kling?.task_result) ? undefined : kling?.task_result?.videos?.[0];
  const videoUrl = video?.url || undefined;
  if (status === "succeeded" && !videoUrl)
    throw badShape(context, "a finished task without a video URL");
  return {
    taskId,
    status,
    statusMessage: kling?.task_status_msg || wrapper?.fail_reason || undefined,
    videoUrl,
    videoDurationSeconds: toSeconds(video?.duration),
    createdAt: toDate(kling?.created_at ?? levelTime(levels, "created_at")),
    updatedAt: toDate(kling?.updated_at ?? levelTime(levels, "updated_at")),
  };
}

function pickStatus(
  kling: CometKlingTask | undefined,
  wrapper: CometWrapperTask | undefined,
): ProviderTaskStatus | undefined {
  const outer = wrapper?.status ? WRAPPER_STATUSES[wrapper.status.toUpperCase()] : undefined;
  // The relay may give up on a task (its own timeout) while the upstream copy still says running.
  if (outer === "failed") return "failed";
  const inner = kling?.task_status?.toLowerCase();
  return (inner ? KLING_STATUSES.get(inner) : undefined) ?? outer;
}

function levelTime(levels: Record<string, unknown>[], key: string): unknown {
  return levels.map((level) => level[key]).find((value) => value !== undefined && value !== null);
}

function toSeconds(value: string | number | null | undefined): number | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/** Kling sends epoch milliseconds; new-api's own fields are epoch seconds. */
function toDate(value: unknown): Date | undefined {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof number !== "number" || !Number.isFinite(number) || number <= 0) return undefined;
  return new Date(number < 1e11 ? number * 1000 : number);
}

function badShape(context: EnvelopeContext, missing: string): AppError {
  return failure(
    context.operation,
    "provider_bad_response",
    "bad_response",
    localMessage("failureDetails.unexpectedShape", { missing }),
    {
      // A create answered with success but no readable id may still have made the task.
      ambiguous: context.operation === "create",
      body: redactAndTruncate(context.bodyText, context.secrets),
    },
  );
}
