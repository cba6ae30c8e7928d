import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";
import { DEFAULT_MODEL, V3_MODEL } from "@/lib/kling-contract/models";
import type { CreateTaskInput } from "./types";

const LONG_MAX = 9223372036854775807n;
const DATA_URL_PREFIX = /^data:image\/[a-z0-9.+-]+;base64,/i;

/**
 * The create body as JSON text (contract §2). Written partly by hand because element ids
 * are 64-bit integers: as JS numbers they would be rounded, and Kling wants JSON integers,
 * not strings. Keys whose value is undefined are left out; empty lists are left out.
 * `sound`, `multi_shot`, `shot_type` and `multi_prompt` exist only for Kling 3.0 Omni
 * (§10) and are never written for O1, whatever the input carries.
 */
export function buildCreateTaskBody(input: CreateTaskInput): string {
  const model = input.model ?? DEFAULT_MODEL;
  const customShots = model === V3_MODEL && input.storyboard?.shotType === "customize";
  const body: Record<string, unknown> = {
    model_name: model,
    // A custom storyboard's prompt is ignored by the provider; the shots say it all.
    prompt: customShots ? undefined : input.prompt,
    mode: input.mode,
    aspect_ratio: input.aspectRatio,
    duration: String(input.duration),
  };
  if (model === V3_MODEL) Object.assign(body, v3Fields(input));
  if (input.images?.length) {
    body.image_list = input.images.map((image) => ({
      image_url: image.image.replace(DATA_URL_PREFIX, ""),
      type: image.type,
    }));
  }
  if (input.videos?.length) {
    body.video_list = input.videos.map((video) => ({
      video_url: video.videoUrl,
      refer_type: video.referType,
      keep_original_sound: video.keepOriginalSound ? "yes" : "no",
    }));
  }
  if (input.callbackUrl !== undefined) body.callback_url = input.callbackUrl;
  body.external_task_id = input.externalTaskId;

  // JSON.stringify drops undefined-valued keys, which is exactly "omit when not given".
  const text = JSON.stringify(body);
  if (!input.elements?.length) return text;
  const elements = input.elements
    .map(({ elementId }) => `{"element_id":${checkElementId(elementId)}}`)
    .join(",");
  return `${text.slice(0, -1)},"element_list":[${elements}]}`;
}

/** Sound always (v3's own default is "off"), and the storyboard when there is one. */
function v3Fields(input: CreateTaskInput): Record<string, unknown> {
  const fields: Record<string, unknown> = { sound: input.sound ? "on" : "off" };
  const board = input.storyboard;
  if (!board) return fields;
  fields.multi_shot = true;
  fields.shot_type = board.shotType;
  if (board.shotType === "customize") {
    fields.multi_prompt = board.shots.map((shot, i) => ({
      index: i + 1,
      prompt: shot.prompt,
      duration: String(shot.duration),
    }));
  }
  return fields;
}

/** Returns the id as canonical decimal digits, safe to splice into JSON as a number. */
function checkElementId(elementId: string): string {
  if (/^\d{1,19}$/.test(elementId)) {
    const value = BigInt(elementId);
    if (value > 0n && value <= LONG_MAX) return value.toString();
  }
  throw new AppError(
    "invalid_input",
    localMessage("failureDetails.badElementId", { id: elementId.slice(0, 40) }),
    { fieldErrors: { elements: [localMessage("failureDetails.elementIdsWhole")] } },
  );
}
