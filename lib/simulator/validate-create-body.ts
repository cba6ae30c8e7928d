import type { OutputAspect } from "@/lib/media/video-size";
import { checkImageUrl } from "./validate-image-data";
import {
  BodyError,
  checkListCombination,
  checkPlaceholders,
  type ImageItem,
  isHttpUrl,
  readElementList,
  readImageList,
  readVideoList,
  refuseUnknownFields,
  type VideoItem,
} from "./validate-lists";
import { readV3Fields, V3_DURATIONS, type V3Fields } from "./validate-v3-fields";

export type CreateRequest = {
  model: "kling-video-o1" | "kling-v3-omni";
  /** For a custom storyboard, the shots' prompts joined (the provider ignores `prompt`). */
  prompt: string;
  mode: "std" | "pro";
  aspectRatio: OutputAspect | undefined;
  durationSeconds: number;
  images: ImageItem[];
  elementIds: number[];
  video: VideoItem | undefined;
  callbackUrl: string | undefined;
  externalTaskId: string | undefined;
} & V3Fields;

export type CreateValidation = { ok: true; value: CreateRequest } | { ok: false; message: string };

const MAX_PROMPT_CHARS = 2500;
const V3_ONLY_FIELDS = ["sound", "multi_shot", "shot_type", "multi_prompt"] as const;
/** Every top-level field the contract documents for kling-video-o1 (§2); v3 adds V3_ONLY_FIELDS (§10). */
const KNOWN_FIELDS = [
  "prompt",
  "model_name",
  "mode",
  "aspect_ratio",
  "duration",
  "image_list",
  "element_list",
  "video_list",
  "callback_url",
  "external_task_id",
  "watermark_info",
] as const;
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
  const model = readModel(fields.model_name);
  if (model === "kling-video-o1") {
    for (const field of V3_ONLY_FIELDS) {
      if (field in fields) throw new BodyError(`${field} is not supported by kling-video-o1`);
    }
  }
  refuseUnknownFields(
    fields,
    "body",
    model === "kling-v3-omni" ? [...KNOWN_FIELDS, ...V3_ONLY_FIELDS] : KNOWN_FIELDS,
  );
  // A custom storyboard carries its text in multi_prompt; `prompt` is then optional (§10).
  const customShots = model === "kling-v3-omni" && fields.shot_type === "customize";
  const prompt = fields.prompt ?? (customShots ? "" : undefined);
  if (typeof prompt !== "string" || (!customShots && prompt.trim() === "")) {
    throw new BodyError("prompt is required");
  }
  if (Array.from(prompt).length > MAX_PROMPT_CHARS) {
    throw new BodyError(`prompt must be at most ${MAX_PROMPT_CHARS} characters`);
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
  images.forEach((image, index) => {
    checkImageUrl(image.imageUrl, `image_list[${index}].image_url`);
  });
  const elementIds = readElementList(fields.element_list);
  const videos = readVideoList(fields.video_list);
  checkListCombination(images, elementIds, videos);
  const video = videos[0];
  const isBaseEdit = video?.referType === "base";
  const hasFirstFrame = images.some((image) => image.type === "first_frame");
  if (aspect === undefined && !isBaseEdit && !hasFirstFrame) {
    throw new BodyError("aspect_ratio is required unless a first_frame or a base video is given");
  }
  if (aspect !== undefined && (isBaseEdit || hasFirstFrame)) {
    // Pitfall 5: the first frame or the edited video sets the frame.
    throw new BodyError("aspect_ratio must be left out with a first_frame or a base video");
  }
  const isTextToVideo = images.length === 0 && elementIds.length === 0 && videos.length === 0;
  const duration =
    model === "kling-v3-omni"
      ? readV3Duration(fields.duration, isBaseEdit)
      : readDuration(fields.duration, isBaseEdit, isTextToVideo || hasFirstFrame);
  const counts = { image: images.length, element: elementIds.length, video: videos.length };
  checkPlaceholders(prompt, counts);
  const v3: V3Fields =
    model === "kling-v3-omni"
      ? readV3Fields(fields, {
          durationSeconds: Number(duration),
          hasVideo: videos.length > 0,
          hasFrame: images.some((image) => image.type !== undefined),
          counts,
        })
      : { sound: false, shots: undefined, shotType: undefined };
  return {
    model,
    ...v3,
    prompt: v3.shots ? v3.shots.map((shot) => shot.prompt).join("\n") : prompt,
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

function readModel(value: unknown): CreateRequest["model"] {
  // Omitted: the route's default, O1 (§10).
  if (value === undefined || value === "kling-video-o1") return "kling-video-o1";
  if (value === "kling-v3-omni") return value;
  throw new BodyError("model_name must be kling-video-o1 or kling-v3-omni");
}

/** v3 takes "3"–"15" whatever the inputs (§10); a base edit's is ignored like O1's. */
function readV3Duration(value: unknown, isBaseEdit: boolean): string {
  if (value === undefined) return "5";
  if (typeof value !== "string") throw new BodyError('duration must be a string, e.g. "5"');
  if (isBaseEdit) return V3_DURATIONS.includes(value) ? value : "5";
  if (!V3_DURATIONS.includes(value)) throw new BodyError('duration must be "3" to "15"');
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
