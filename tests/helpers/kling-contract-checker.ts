import { readImageHeader } from "@/lib/media/image-header";
import { checkV3Fields, V3_ONLY_FIELDS } from "./kling-v3-contract-checker";

/**
 * A create body checked against shared/cometapi-kling-omni.md, written from the document and
 * on purpose not from lib/simulator's validator, so the two can disagree and a parity test
 * can notice. Takes the raw JSON text (element ids must be JSON integers, which a parsed
 * object cannot show) and returns every rule broken, by section; [] means the body is valid
 * for the model it names (kling-video-o1 when none, or kling-v3-omni per §10).
 */
export function checkKlingCreateBody(text: string): string[] {
  const problems: string[] = [];
  const fail = (rule: string) => problems.push(rule);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return ["§1: the body is not JSON"];
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return ["§2: the body is not a JSON object"];
  }
  const b = body as Record<string, unknown>;
  const v3 = b.model_name === "kling-v3-omni";

  // §2: the documented fields, and §2/§10: no v3-only field for O1.
  const fields = new Set([
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
    ...(v3 ? V3_ONLY_FIELDS : []),
  ]);
  for (const key of Object.keys(b)) if (!fields.has(key)) fail(`§2: unknown field ${key}`);
  if (b.model_name !== undefined && b.model_name !== "kling-video-o1" && !v3) {
    fail("§10: model_name is kling-video-o1 or kling-v3-omni");
  }
  if (b.mode !== undefined && b.mode !== "std" && b.mode !== "pro") fail("§2: mode is std or pro");

  const images = list(b.image_list, "image_list", fail);
  const elements = list(b.element_list, "element_list", fail);
  const videos = list(b.video_list, "video_list", fail);

  // §2.1 image_list
  images.forEach((item, i) => {
    onlyKeys(item, ["image_url", "type"], `image_list[${i}]`, fail);
    if (typeof item.image_url !== "string" || item.image_url === "") {
      fail(`§2.1: image_list[${i}].image_url is required`);
    } else {
      checkImage(item.image_url, `image_list[${i}].image_url`, fail);
    }
    if (item.type !== undefined && item.type !== "first_frame" && item.type !== "end_frame") {
      fail(`§2.1: image_list[${i}].type is first_frame or end_frame`);
    }
  });
  // §2.1 element_list: integers ("long"), checked in the raw text.
  for (const [i, item] of elements.entries()) {
    onlyKeys(item, ["element_id"], `element_list[${i}]`, fail);
  }
  const rawIds = [...text.matchAll(/"element_id"\s*:\s*([^,}\s]+)/g)].map((m) => m[1] ?? "");
  if (rawIds.length !== elements.length || rawIds.some((id) => !/^[1-9]\d{0,18}$/.test(id))) {
    fail("§2.1: every element_id is a positive JSON integer");
  }
  // §2.1 video_list
  if (videos.length > 1) fail("§2: video_list holds at most 1 item");
  videos.forEach((item, i) => {
    onlyKeys(item, ["video_url", "refer_type", "keep_original_sound"], `video_list[${i}]`, fail);
    if (typeof item.video_url !== "string" || !isHttpUrl(item.video_url)) {
      fail(`§2.1: video_list[${i}].video_url is a fetchable URL`);
    }
    if (
      item.refer_type !== undefined &&
      item.refer_type !== "base" &&
      item.refer_type !== "feature"
    ) {
      fail(`§2.1: video_list[${i}].refer_type is base or feature`);
    }
    const sound = item.keep_original_sound;
    if (sound !== undefined && sound !== "yes" && sound !== "no") {
      fail(`§2.1: video_list[${i}].keep_original_sound is yes or no`);
    }
  });

  // §2.2 combinations
  const firsts = images.filter((i) => i.type === "first_frame").length;
  const ends = images.filter((i) => i.type === "end_frame").length;
  const baseEdit = videos.some((v) => (v.refer_type ?? "base") === "base");
  const visual = images.length + elements.length;
  if (visual > (videos.length > 0 ? 4 : 7)) fail("§2.2: too many images and elements");
  if (firsts > 1 || ends > 1) fail("§2.2: at most one first and one end frame");
  if (ends > 0 && firsts === 0) fail("§2.2: an end frame needs a first frame");
  if (firsts + ends > 0 && images.length > 2) fail("§2.2: frames with more than 2 images");
  if (firsts + ends > 0 && baseEdit) fail("§2.2: frames exclude video editing");
  if (firsts > 0 && ends === 0 && elements.length > 3) fail("§2.2: first frame takes ≤3 elements");
  if (firsts > 0 && ends > 0 && elements.length > 0) fail("§2.2: elements with both frames");

  // §2 aspect_ratio and pitfall 5
  const framed = firsts > 0 || baseEdit;
  if (b.aspect_ratio === undefined && !framed) fail("§2: aspect_ratio is required here");
  if (b.aspect_ratio !== undefined) {
    if (framed) fail("§9.5: leave out aspect_ratio with a first frame or a base-video edit");
    if (!["16:9", "9:16", "1:1"].includes(String(b.aspect_ratio))) fail("§2: bad aspect_ratio");
  }
  // §2 duration and pitfall 4
  if (b.duration !== undefined) {
    if (typeof b.duration !== "string") fail("§9.4: duration is a string");
    else if (!baseEdit) {
      const plain = images.length + elements.length + videos.length === 0;
      const range = (max: number) => Array.from({ length: max - 2 }, (_, i) => String(i + 3));
      const allowed = v3 ? range(15) : plain || firsts > 0 ? ["5", "10"] : range(10);
      if (!allowed.includes(b.duration)) fail(`§2: duration ${b.duration} is not allowed here`);
    }
  }
  const counts: Record<string, number> = {
    image: images.length,
    element: elements.length,
    video: videos.length,
  };
  if (v3) {
    checkV3Fields(b, { hasVideo: videos.length > 0, hasFrame: firsts + ends > 0, counts }, fail);
  }
  // §2 prompt and pitfall 6; §10: a custom storyboard sends multi_prompt instead.
  const customShots = v3 && b.multi_shot === true && b.shot_type === "customize";
  if (customShots && b.prompt === undefined) {
    // the shots carry the text
  } else if (typeof b.prompt !== "string" || b.prompt.trim() === "") fail("§2: prompt is required");
  else {
    if ([...b.prompt].length > 2500) fail("§2: prompt is at most 2500 characters");
    for (const [token, kind = "", n = ""] of b.prompt.matchAll(/<<<([^<>]*?)_(\d+)>>>/g)) {
      const count = counts[kind];
      if (count === undefined || !/^[1-9]\d*$/.test(n) || Number(n) > count) {
        fail(`§2: ${token} does not name an item (N starts at 1, in list order)`);
      }
    }
  }
  // §2, §5
  if (
    b.callback_url !== undefined &&
    (typeof b.callback_url !== "string" || !isHttpUrl(b.callback_url))
  ) {
    fail("§5: callback_url is a URL");
  }
  if (
    b.external_task_id !== undefined &&
    (typeof b.external_task_id !== "string" || b.external_task_id === "")
  ) {
    fail("§2: external_task_id is a non-empty string");
  }
  if (
    b.watermark_info !== undefined &&
    (typeof b.watermark_info !== "object" || b.watermark_info === null)
  ) {
    fail("§2: watermark_info is an object");
  }
  return problems;
}

function list(
  value: unknown,
  name: string,
  fail: (rule: string) => void,
): Record<string, unknown>[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length === 0) {
    fail(`§2: ${name} is a non-empty array when sent`);
    return [];
  }
  if (!value.every((item) => typeof item === "object" && item !== null && !Array.isArray(item))) {
    fail(`§2.1: ${name} holds objects`);
    return [];
  }
  return value as Record<string, unknown>[];
}

function onlyKeys(
  item: Record<string, unknown>,
  keys: readonly string[],
  where: string,
  fail: (rule: string) => void,
): void {
  for (const key of Object.keys(item))
    if (!keys.includes(key)) fail(`§2.1: ${where}.${key} is unknown`);
}

/** §2.1/§2.2/§9.1: a URL, or bare base64 of a JPEG/PNG, ≤10 MB, ≥300 px, 1:2.5–2.5:1. */
function checkImage(value: string, where: string, fail: (rule: string) => void): void {
  if (isHttpUrl(value)) return;
  if (value.startsWith("data:")) return void fail(`§9.1: ${where} has a data: prefix`);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) {
    return void fail(`§2.1: ${where} is neither a URL nor base64`);
  }
  const bytes = Buffer.from(value, "base64");
  if (bytes.length > 10 * 1024 * 1024) fail(`§2.2: ${where} is over 10 MB`);
  const header = readImageHeader(bytes);
  if (!header) return void fail(`§2.2: ${where} is not a JPEG or PNG`);
  const { width, height } = header;
  if (Math.min(width, height) < 300) fail(`§2.2: ${where} is under 300 px`);
  if (Math.max(width / height, height / width) > 2.5) fail(`§2.2: ${where} is outside 1:2.5–2.5:1`);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}
