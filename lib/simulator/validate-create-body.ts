import type { OutputAspect } from "@/lib/media/video-size";
import {
  BodyError,
  checkListCombination,
  checkPlaceholders,
  type ImageItem,
  isHttpUrl,
  readElementList,
  readImageList,
  readVideoList,
  type VideoItem,
} from "./validate-lists";

export type CreateRequest = {
  prompt: string;
  mode: "std" | "pro";
  aspectRatio: OutputAspect | undefined;
  durationSeconds: number;
  images: ImageItem[];
  elementIds: number[];
  video: VideoItem | undefined;
  callbackUrl: string | undefined;
  externalTaskId: string | undefined;
};

export type CreateValidation = { ok: true; value: CreateRequest } | { ok: false; message: string };

const MAX_PROMPT_CHARS = 2500;
const FORBIDDEN_FIELDS = ["sound", "multi_shot", "shot_type", "multi_prompt"] as const;
const ASPECTS: readonly string[] = ["16:9", "9:16", "1:1"];
const DURATIONS: readonly string[] = ["3", "4", "5", "6", "7", "8", "9", "10"];

/**
 * Checks a create body the way Kling answers it (code 1201 on failure), from the contract's
 * §2, §2.1, §2.2 and pitfalls. The simulator is deliberately strict: a body it accepts
 * should not be refused by the real service for a reason the contract documents.
 */
export function validateCreateBody(body: unknown): CreateValidation {
  try {
    return { ok: true, value: readCreateBody(body) };
  } catch (error) {
    if (error instanceof BodyError) return { ok: false, message: error.message };
    throw error;
  }
}

function readCreateBody(body: unknown): CreateRequest {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new BodyError("request body must be a JSON object");
  }
  const fields = body as Record<string, unknown>;
  for (const field of FORBIDDEN_FIELDS) {
    if (field in fields) throw new BodyError(`${field} is not supported by kling-video-o1`);
  }
  const prompt = fields.prompt;
  if (typeof prompt !== "string" || prompt.trim() === "") throw new BodyError("prompt is required");
  if (Array.from(prompt).length > MAX_PROMPT_CHARS) {
    throw new BodyError(`prompt must be at most ${MAX_PROMPT_CHARS} characters`);
  }
  if (fields.model_name !== undefined && fields.model_name !== "kling-video-o1") {
    throw new BodyError("model_name must be kling-video-o1");
  }
  const mode = fields.mode ?? "pro";
  if (mode !== "std" && mode !== "pro") throw new BodyError("mode must be std or pro");
  const aspect = fields.aspect_ratio;
  if (aspect !== undefined && (typeof aspect !== "string" || !ASPECTS.includes(aspect))) {
    throw new BodyError("aspect_ratio must be one of 16:9, 9:16, 1:1");
  }
  const watermark = fields.watermark_info;
  if (watermark !== undefined && (typeof watermark !== "object" || watermark === null)) {
    throw new BodyError("watermark_info must be an object");
  }
  const images = readImageList(fields.image_list);
  const elementIds = readElementList(fields.element_list);
  const videos = readVideoList(fields.video_list);
  checkListCombination(images, elementIds, videos);
  const video = videos[0];
  const isBaseEdit = video?.referType === "base";
  const hasFirstFrame = images.some((image) => image.type === "first_frame");
  if (aspect === undefined && !isBaseEdit && !hasFirstFrame) {
    throw new BodyError("aspect_ratio is required unless a first_frame or a base video is given");
  }
  const isTextToVideo = images.length === 0 && elementIds.length === 0 && videos.length === 0;
  const duration = readDuration(fields.duration, isBaseEdit, isTextToVideo || hasFirstFrame);
  checkPlaceholders(prompt, {
    image: images.length,
    element: elementIds.length,
    video: videos.length,
  });
  return {
    prompt,
    mode,
    aspectRatio: aspect as OutputAspect | undefined,
    durationSeconds: Number(duration),
    images,
    elementIds,
    video,
    callbackUrl: readCallbackUrl(fields.callback_url),
    externalTaskId: readExternalTaskId(fields.external_task_id),
  };
}

function readDuration(value: unknown, isBaseEdit: boolean, onlyFiveOrTen: boolean): string {
  if (value === undefined) return "5";
  // Pitfall 4: Kling wants a string; a JSON number is a parameter error.
  if (typeof value !== "string") throw new BodyError('duration must be a string, e.g. "5"');
  if (isBaseEdit) return DURATIONS.includes(value) ? value : "5"; // ignored: output = input length
  if (!DURATIONS.includes(value)) throw new BodyError('duration must be "3" to "10"');
  if (onlyFiveOrTen && value !== "5" && value !== "10") {
    throw new BodyError('duration must be "5" or "10" for text-to-video and first-frame requests');
  }
  return value;
}

function readCallbackUrl(value: unknown): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string" || !isHttpUrl(value)) {
    throw new BodyError("callback_url must be an http(s) URL");
  }
  return value;
}

function readExternalTaskId(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value === "") {
    throw new BodyError("external_task_id must be a non-empty string");
  }
  return value;
}
