import "server-only";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { elementFrontView, exactElementIds } from "./element-usage";
import { applyFault } from "./fault-queue";
import { decodeBase64Image } from "./reference-media";
import {
  badJsonRefusal,
  cometError,
  createdAnswer,
  klingError,
  klingTaskData,
  nonJsonRefusal,
  queryAnswer,
} from "./responses";
import { checkFileUrl, signFileUrl } from "./signed-url";
import type { SimContext } from "./sim-context";
import { withShotPictures } from "./shot-pictures";
import { newTaskId } from "./task-store";
import { MODERATION_MARKER, MODERATION_MESSAGE, phaseDurations } from "./task-timeline";
import type { FaultPhase, SimTask } from "./types";
import { type CreateRequest, validateCreateBody } from "./validate-create-body";

/** POST /kling/v1/videos/omni-video */
export async function handleCreate(ctx: SimContext, request: Request): Promise<Response> {
  ctx.log.counts.create++;
  const text = await request.text();
  const body = parseJson(text);
  ctx.log.creates.push(body.ok ? body.value : text);
  ctx.log.createBodies.push(text);
  const faulted = await scriptedFault(ctx, "create");
  if (faulted) return faulted;
  const denied = checkBearer(ctx, request);
  if (denied) return denied;
  const notJson = nonJsonRefusal(request);
  if (notJson) return notJson;
  if (!body.ok) return badJsonRefusal();
  const checked = validateCreateBody(body.value);
  if (!checked.ok) return klingError(400, 1201, checked.message);
  const input = checked.value;
  if (input.externalTaskId && (await ctx.store.findByExternalId(input.externalTaskId))) {
    // Kling: external_task_id must be unique per account.
    return klingError(400, 1201, "external_task_id already exists");
  }
  const task = await buildTask(ctx, input, exactElementIds(text));
  await ctx.store.save(task);
  ctx.engine.schedule(task);
  return createdAnswer(task);
}

/** GET /kling/v1/videos/omni-video/{task_id} */
export async function handleQuery(
  ctx: SimContext,
  request: Request,
  taskId: string,
): Promise<Response> {
  ctx.log.counts.query++;
  ctx.log.queries.push(taskId);
  const faulted = await scriptedFault(ctx, "query");
  if (faulted) return faulted;
  const denied = checkBearer(ctx, request);
  if (denied) return denied;
  const task = await ctx.store.load(taskId);
  if (!task) return klingError(404, 1203, "task not found");
  const view = await ctx.engine.observe(task);
  const url = view.status === "succeed" ? await resultUrlOf(ctx, task) : undefined;
  return queryAnswer(ctx.settings.queryShape, klingTaskData(task, view, url), view);
}

/** GET /files/{task_id}.mp4?expires=…&sig=… — public, like a CDN link: no Bearer. */
export async function handleDownload(
  ctx: SimContext,
  request: Request,
  fileName: string,
): Promise<Response> {
  ctx.log.counts.download++;
  ctx.log.downloads.push(fileName);
  const faulted = await scriptedFault(ctx, "download");
  if (faulted) return faulted;
  if (!/^\d{6,30}\.mp4$/.test(fileName)) return cometError(404, "file not found");
  const params = new URL(request.url).searchParams;
  const verdict = checkFileUrl(
    fileName,
    params.get("expires"),
    params.get("sig"),
    await ctx.urlSecret(),
    Date.now() / 1000,
  );
  if (verdict === "bad_signature") return cometError(403, "invalid signature");
  // Like a CDN's signed link: once expired, the file is simply not there (404).
  if (verdict === "expired") return cometError(404, "file not found: this link has expired");
  const filePath = ctx.store.videoPath(fileName);
  let bytes: number;
  try {
    bytes = (await stat(filePath)).size;
  } catch {
    return cometError(404, "file not found");
  }
  const headers = {
    "content-type": "video/mp4",
    "content-length": String(bytes),
    "cache-control": "private, no-store",
  };
  if (request.method === "HEAD") return new Response(null, { headers });
  const stream = Readable.toWeb(createReadStream(filePath)) as ReadableStream<Uint8Array>;
  return new Response(stream, { headers });
}

export async function resultUrlOf(ctx: SimContext, task: SimTask): Promise<string> {
  const fileName = task.video?.fileName ?? `${task.taskId}.mp4`;
  const expires = Math.ceil(Date.now() / 1000 + ctx.settings.urlTtlSeconds);
  return signFileUrl(ctx.settings.publicBaseUrl, fileName, expires, await ctx.urlSecret());
}

async function buildTask(
  ctx: SimContext,
  input: CreateRequest,
  elementIds: string[],
): Promise<SimTask> {
  const createdAt = Date.now();
  const taskId = newTaskId(createdAt);
  const firstImage = input.images[0]?.imageUrl;
  const decoded = firstImage === undefined ? undefined : decodeBase64Image(firstImage);
  let backgroundImage: SimTask["backgroundImage"];
  if (decoded) backgroundImage = { kind: "file", path: await ctx.store.saveInput(taskId, decoded) };
  else if (firstImage && /^https?:\/\//i.test(firstImage)) {
    backgroundImage = { kind: "url", url: firstImage };
  }
  // With no picture of its own, the video shows the first made element's front view, so a
  // person sees the element was used.
  backgroundImage ??= await elementFrontView(ctx, taskId, elementIds);
  const failMessage = input.prompt.includes(MODERATION_MARKER)
    ? MODERATION_MESSAGE
    : ctx.faults.takeFailNext();
  return {
    taskId,
    externalTaskId: input.externalTaskId,
    createdAt,
    prompt: input.prompt,
    mode: input.mode,
    aspectRatio: input.aspectRatio,
    durationSeconds: input.durationSeconds,
    sound: input.sound,
    shots:
      input.shots && (await withShotPictures(ctx, taskId, input.shots, input.images, elementIds)),
    backgroundImage,
    baseVideoUrl: input.video?.referType === "base" ? input.video.videoUrl : undefined,
    callbackUrl: input.callbackUrl,
    ...phaseDurations(input.mode, ctx.settings.speed),
    failMessage,
    video: undefined,
    renderError: undefined,
    notifiedStatus: "submitted",
  };
}

export function checkBearer(ctx: SimContext, request: Request): Response | undefined {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match) return cometError(401, "Missing API key: send Authorization: Bearer <key>");
  if (match[1] !== ctx.settings.key) return cometError(401, "Invalid API key");
  return undefined;
}

async function scriptedFault(ctx: SimContext, phase: FaultPhase): Promise<Response | undefined> {
  const entry = ctx.faults.take(phase);
  return entry ? applyFault(entry, phase) : undefined;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
