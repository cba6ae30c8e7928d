import { z } from "zod";
import { localMessage } from "@/i18n/local-message";
import {
  type ElementTaskStatus,
  type ProviderElement,
  type ProviderElementTask,
  tagFromTagId,
} from "./elements-types";
import { asObject, type EnvelopeContext, findTaskInLevels, idText } from "./envelope-levels";
import { redactAndTruncate } from "./redact";
import { failure } from "./transport";

/** Raw element shapes (contract §6, Kling's element reference). Loose: only what we read. */
const idSchema = z.union([z.string(), z.number()]);
const CometElementSchema = z
  .object({
    element_id: idSchema,
    element_name: z.string().nullish(),
    element_description: z.string().nullish(),
    element_image_list: z.object({ frontal_image: z.string().nullish() }).loose().nullish(),
    tag_list: z
      .array(z.object({ id: z.string().nullish(), tag_id: z.string().nullish() }).loose())
      .nullish(),
  })
  .loose();
const CometElementTaskSchema = z
  .object({
    task_id: idSchema.nullish(),
    task_status: z.string().nullish(),
    task_status_msg: z.string().nullish(),
    task_result: z
      .union([z.object({ elements: z.array(z.unknown()).nullish() }).loose(), z.array(z.unknown())])
      .nullish(),
  })
  .loose();
const WrapperSchema = z
  .object({ status: z.string().nullish(), fail_reason: z.string().nullish() })
  .loose();

const WRAPPER_STATUSES: Record<string, ElementTaskStatus> = {
  NOT_START: "submitted",
  QUEUED: "submitted",
  SUBMITTED: "submitted",
  IN_PROGRESS: "processing",
  SUCCESS: "succeed",
  FAILURE: "failed",
};

/**
 * One element task, from Kling's envelope (task at `data`) or new-api's wrapper (task at
 * `data.data` or `data.data.data`, the wrapper's `status` as fallback), like video tasks.
 */
export function toElementTask(json: unknown, context: EnvelopeContext): ProviderElementTask {
  const { levels, task, taskId } = findTaskInLevels(
    json,
    CometElementTaskSchema,
    context.fallbackTaskId,
  );
  const wrapper = levels[0] ? WrapperSchema.safeParse(levels[0]).data : undefined;
  const inner = task?.task_status?.toLowerCase();
  const outer = wrapper?.status ? WRAPPER_STATUSES[wrapper.status.toUpperCase()] : undefined;
  const status: ElementTaskStatus | undefined =
    outer === "failed"
      ? "failed"
      : inner && ["submitted", "processing", "succeed", "failed"].includes(inner)
        ? (inner as ElementTaskStatus)
        : (outer ?? (context.operation === "element_create" && taskId ? "submitted" : undefined));
  if (!taskId || !status) throw badShape(context, taskId ? "no task status" : "no task id");
  const rawElements = Array.isArray(task?.task_result) ? [] : (task?.task_result?.elements ?? []);
  const element = rawElements.map(toProviderElement).find(Boolean);
  if (status === "succeed" && !element)
    throw badShape(context, "a finished task without an element");
  return {
    taskId,
    status,
    statusMessage: task?.task_status_msg || wrapper?.fail_reason || undefined,
    element,
  };
}

/**
 * A page of elements. Kling answers a list of tasks (`data: [task…]`), each holding its
 * elements in `task_result.elements`; some relays list element objects themselves. The list
 * may sit at `data`, `data.data` or `data.data.data`.
 */
export function toElementList(
  json: unknown,
  context: EnvelopeContext,
): { elements: ProviderElement[]; items: number } {
  let current: unknown = json;
  for (let depth = 0; depth < 4; depth++) {
    const data = asObject(current)?.data;
    if (Array.isArray(data))
      return { elements: data.flatMap(elementsOfListItem), items: data.length };
    current = data;
  }
  throw badShape(context, "no list of elements");
}

function elementsOfListItem(item: unknown): ProviderElement[] {
  const direct = toProviderElement(item);
  if (direct) return [direct];
  const task = CometElementTaskSchema.safeParse(item);
  if (!task.success || Array.isArray(task.data.task_result)) return [];
  const status = task.data.task_status?.toLowerCase();
  if (status && status !== "succeed") return [];
  return (task.data.task_result?.elements ?? []).map(toProviderElement).filter((e) => !!e);
}

function toProviderElement(raw: unknown): ProviderElement | undefined {
  const parsed = CometElementSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const elementId = idText(parsed.data.element_id);
  if (!elementId || !/^\d{1,19}$/.test(elementId)) return undefined;
  const tag = parsed.data.tag_list?.[0];
  return {
    elementId,
    name: parsed.data.element_name?.trim() || `Element ${elementId}`,
    description: parsed.data.element_description?.trim() || undefined,
    tag: tagFromTagId(tag?.tag_id ?? tag?.id ?? undefined),
    frontImageUrl: parsed.data.element_image_list?.frontal_image || undefined,
  };
}

function badShape(context: EnvelopeContext, missing: string) {
  return failure(
    context.operation,
    "provider_bad_response",
    "bad_response",
    localMessage("failureDetails.elementUnexpectedShape", { missing }),
    { ambiguous: false, body: redactAndTruncate(context.bodyText, context.secrets) },
  );
}
