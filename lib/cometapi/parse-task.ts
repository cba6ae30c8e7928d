import type { AppError } from "@/lib/errors";
import type { ProviderOperation } from "./errors";
import {
  type CometKlingTask,
  CometKlingTaskSchema,
  type CometWrapperTask,
  CometWrapperTaskSchema,
} from "./raw-types";
import { redactAndTruncate } from "./redact";
import { failure } from "./transport";
import type { ProviderTask, ProviderTaskStatus } from "./types";

const KLING_STATUSES: readonly string[] = ["submitted", "processing", "succeed", "failed"];

/** new-api's own status words (§3.3), used when no Kling task_status is found. */
const WRAPPER_STATUSES: Record<string, ProviderTaskStatus> = {
  NOT_START: "submitted",
  QUEUED: "submitted",
  SUBMITTED: "submitted",
  IN_PROGRESS: "processing",
  SUCCESS: "succeed",
  FAILURE: "failed",
};

type ParseContext = {
  operation: ProviderOperation;
  /** The id asked for: relays that drop task_id from the answer still mean this task. */
  fallbackTaskId?: string;
  bodyText: string;
  secrets: readonly string[];
};

/**
 * Reshapes a successful envelope into a ProviderTask. The Kling task object sits at `data`
 * (§3.1/§3.2), `data.data` (new-api wrapper, §3.3) or `data.data.data` (a relay that wraps
 * the whole Kling envelope); the wrapper's own `status` and `fail_reason` are the fallback.
 */
export function toProviderTask(json: unknown, context: ParseContext): ProviderTask {
  const levels = collectDataLevels(json);
  const kling = levels
    .map((level) => CometKlingTaskSchema.safeParse(level))
    .find((parsed) => parsed.success && (parsed.data.task_status || parsed.data.task_result))?.data;
  const wrapperParse = levels[0] ? CometWrapperTaskSchema.safeParse(levels[0]) : undefined;
  const wrapper = wrapperParse?.success ? wrapperParse.data : undefined;

  const taskId =
    idText(kling?.task_id) ??
    levels
      .map((level) => idText(CometKlingTaskSchema.safeParse(level).data?.task_id))
      .find(Boolean) ??
    context.fallbackTaskId;
  const status = pickStatus(kling, wrapper);
  if (!taskId || !status) {
    throw badShape(context, taskId ? "no task status" : "no task id");
  }
  const video = Array.isArray(kling?.task_result) ? undefined : kling?.task_result?.videos?.[0];
  const videoUrl = video?.url || undefined;
  if (status === "succeed" && !videoUrl)
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

function collectDataLevels(json: unknown): Record<string, unknown>[] {
  const levels: Record<string, unknown>[] = [];
  let current = asObject(json)?.data;
  for (let depth = 0; depth < 3; depth++) {
    const object = asObject(current);
    if (!object) break;
    levels.push(object);
    current = object.data;
  }
  return levels;
}

function pickStatus(
  kling: CometKlingTask | undefined,
  wrapper: CometWrapperTask | undefined,
): ProviderTaskStatus | undefined {
  const outer = wrapper?.status ? WRAPPER_STATUSES[wrapper.status.toUpperCase()] : undefined;
  // The relay may give up on a task (its own timeout) while the upstream copy still says running.
  if (outer === "failed") return "failed";
  const inner = kling?.task_status?.toLowerCase();
  if (inner && KLING_STATUSES.includes(inner)) return inner as ProviderTaskStatus;
  return outer;
}

function levelTime(levels: Record<string, unknown>[], key: string): unknown {
  return levels.map((level) => level[key]).find((value) => value !== undefined && value !== null);
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function idText(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  return String(value);
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

function badShape(context: ParseContext, missing: string): AppError {
  return failure(
    context.operation,
    "provider_bad_response",
    "bad_response",
    `CometAPI answered in an unexpected shape (${missing}).`,
    {
      // A create answered with success but no readable id may still have made the task.
      ambiguous: context.operation === "create",
      body: redactAndTruncate(context.bodyText, context.secrets),
    },
  );
}
