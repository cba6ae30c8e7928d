import "server-only";
import { randomUUID } from "node:crypto";
import { stringifyWithIntegers } from "@/lib/cometapi/json-with-integers";
import { newElementId, type SimElement } from "./element-store";
import { checkBearer } from "./provider-routes";
import { decodeBase64Image } from "./reference-media";
import { badJsonRefusal, klingError, nonJsonRefusal } from "./responses";
import type { SimContext } from "./sim-context";
import { newTaskId } from "./task-store";
import { validateElementBody } from "./validate-element-body";
import { BodyError } from "./validate-lists";

/** Base latency of an element at speed 1 (no published figure; short, like a preview). */
const ELEMENT_SUBMITTED_MS = 1000;
const ELEMENT_PROCESSING_MS = 3000;
/** A name holding this fails review, so the studio's failure path can be seen. */
export const ELEMENT_FAIL_MARKER = "[fail]";
export const ELEMENT_FAIL_MESSAGE = "The front view shows no clear subject";

/** Kling's preset elements, as the simulator offers them (ids above 2^53 too). */
const PRESETS = [
  { id: "9100000000000000101", name: "Corgi", description: "A corgi puppy", tagId: "o_103" },
  {
    id: "9100000000000000102",
    name: "Knight armor",
    description: "Silver plate armor",
    tagId: "o_105",
  },
  {
    id: "9100000000000000103",
    name: "Neon street",
    description: "A rainy neon street",
    tagId: "o_106",
  },
];

/** POST /kling/v1/general/advanced-custom-elements */
export async function handleElementCreate(ctx: SimContext, request: Request): Promise<Response> {
  const text = await request.text();
  const denied = checkBearer(ctx, request);
  if (denied) return denied;
  const notJson = nonJsonRefusal(request);
  if (notJson) return notJson;
  let input: ReturnType<typeof validateElementBody>;
  try {
    input = validateElementBody(JSON.parse(text));
  } catch (error) {
    if (error instanceof BodyError) return klingError(400, 1201, error.message);
    return badJsonRefusal();
  }
  if (input.externalTaskId && (await ctx.elements.byExternalId(input.externalTaskId))) {
    return klingError(400, 1201, "external_task_id already exists");
  }
  const createdAt = Date.now();
  const taskId = newTaskId(createdAt);
  const decoded = decodeBase64Image(input.frontalImage);
  const speed = ctx.settings.speed;
  const element: SimElement = {
    taskId,
    externalTaskId: input.externalTaskId,
    createdAt,
    name: input.name,
    description: input.description,
    tagId: input.tagId,
    elementId: newElementId(createdAt),
    frontImage: decoded
      ? { kind: "file", path: await ctx.elements.saveImage(taskId, decoded) }
      : { kind: "url", url: input.frontalImage },
    frontImageUrl: decoded ? undefined : input.frontalImage,
    referImageUrls: input.referImages.filter((url) => /^https?:/i.test(url)),
    submittedMs: Math.round(ELEMENT_SUBMITTED_MS * speed),
    processingMs: Math.round(ELEMENT_PROCESSING_MS * speed),
    failMessage: input.name.includes(ELEMENT_FAIL_MARKER) ? ELEMENT_FAIL_MESSAGE : undefined,
    deleted: false,
  };
  await ctx.elements.save(element);
  return envelope({
    task_id: taskId,
    task_status: "submitted",
    task_info: taskInfo(element),
    created_at: createdAt,
    updated_at: createdAt,
  });
}

/** GET /kling/v1/general/advanced-custom-elements/{task_id} */
export async function handleElementQuery(
  ctx: SimContext,
  request: Request,
  taskId: string,
): Promise<Response> {
  const denied = checkBearer(ctx, request);
  if (denied) return denied;
  const element = await ctx.elements.byTaskId(taskId);
  if (!element) return klingError(404, 1203, "task not found");
  return envelope(taskData(element, Date.now()));
}

/** GET …/advanced-custom-elements?pageNum&pageSize, and …/advanced-presets-elements. */
export async function handleElementList(
  ctx: SimContext,
  request: Request,
  presets: boolean,
): Promise<Response> {
  const denied = checkBearer(ctx, request);
  if (denied) return denied;
  const params = new URL(request.url).searchParams;
  const pageNum = Number(params.get("pageNum") ?? "1");
  const pageSize = Number(params.get("pageSize") ?? "30");
  if (!Number.isInteger(pageNum) || pageNum < 1 || pageNum > 1000) {
    return klingError(400, 1201, "pageNum must be an integer from 1 to 1000");
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 500) {
    return klingError(400, 1201, "pageSize must be an integer from 1 to 500");
  }
  const now = Date.now();
  const items = presets
    ? PRESETS.map((preset) => presetTask(preset))
    : (await ctx.elements.all()).filter((e) => !e.deleted).map((e) => taskData(e, now));
  return envelope(items.slice((pageNum - 1) * pageSize, pageNum * pageSize));
}

/** POST /kling/v1/general/delete-elements with {"element_id": <integer>} */
export async function handleElementDelete(ctx: SimContext, request: Request): Promise<Response> {
  const text = await request.text();
  const denied = checkBearer(ctx, request);
  if (denied) return denied;
  ctx.log.elementDeletes.push(text);
  // Read from the text: JSON.parse would round the id, and it must be a bare integer.
  const match = /^\s*\{\s*"element_id"\s*:\s*(\d{1,19})\s*\}\s*$/.exec(text);
  if (!match?.[1]) return klingError(400, 1201, "element_id is required and must be an integer");
  const elementId = match[1];
  if (PRESETS.some((preset) => preset.id === elementId)) {
    return klingError(400, 1201, "preset elements cannot be deleted");
  }
  const element = await ctx.elements.byElementId(elementId);
  if (!element) return klingError(400, 1201, "element not found");
  await ctx.elements.save({ ...element, deleted: true });
  return envelope({});
}

function taskData(element: SimElement, now: number) {
  const processingAt = element.createdAt + element.submittedMs;
  const doneAt = processingAt + element.processingMs;
  const status =
    now < processingAt
      ? "submitted"
      : now < doneAt
        ? "processing"
        : element.failMessage
          ? "failed"
          : "succeed";
  return {
    task_id: element.taskId,
    task_status: status,
    task_status_msg: status === "failed" ? element.failMessage : "",
    task_info: taskInfo(element),
    task_result:
      status === "succeed"
        ? {
            elements: [
              elementData(
                element.elementId,
                element.name,
                element.description,
                element.tagId,
                element.frontImageUrl,
                element.referImageUrls,
              ),
            ],
          }
        : {},
    created_at: element.createdAt,
    updated_at:
      status === "submitted" ? element.createdAt : status === "processing" ? processingAt : doneAt,
  };
}

function presetTask(preset: (typeof PRESETS)[number]) {
  return {
    task_id: `preset-${preset.id}`,
    task_status: "succeed",
    task_result: {
      elements: [
        elementData(preset.id, preset.name, preset.description, preset.tagId, undefined, []),
      ],
    },
  };
}

function elementData(
  elementId: string,
  name: string,
  description: string,
  tagId: string | undefined,
  frontUrl: string | undefined,
  referUrls: string[],
) {
  return {
    element_id: BigInt(elementId),
    element_name: name,
    element_description: description,
    reference_type: "image_refer",
    element_image_list: {
      frontal_image: frontUrl ?? "",
      refer_images: referUrls.map((url) => ({ image_url: url })),
    },
    tag_list: tagId ? [{ id: tagId }] : [],
  };
}

function taskInfo(element: SimElement): { external_task_id?: string } {
  return element.externalTaskId ? { external_task_id: element.externalTaskId } : {};
}

/** Kling's envelope, with element ids written as bare 64-bit integers. */
function envelope(data: unknown): Response {
  const body = stringifyWithIntegers({
    code: 0,
    message: "SUCCEED",
    request_id: randomUUID(),
    data,
  });
  return new Response(body, {
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}
