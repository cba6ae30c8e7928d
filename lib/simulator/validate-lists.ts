/**
 * Shape checks of image_list, element_list and video_list (contract §2.1). Fields the
 * contract does not name are refused, as is anything Kling would refuse for its form.
 */
export type ImageItem = { imageUrl: string; type: "first_frame" | "end_frame" | undefined };
export type VideoItem = { videoUrl: string; referType: "base" | "feature" };

export class BodyError extends Error {}

export function readImageList(value: unknown): ImageItem[] {
  return readList(value, "image_list").map((item, index) => {
    const where = `image_list[${index}]`;
    refuseUnknownFields(item, where, ["image_url", "type"]);
    if (typeof item.image_url !== "string" || item.image_url.trim() === "") {
      throw new BodyError(`${where}.image_url is required`);
    }
    if (item.type !== undefined && item.type !== "first_frame" && item.type !== "end_frame") {
      throw new BodyError(`${where}.type must be first_frame or end_frame`);
    }
    return { imageUrl: item.image_url, type: item.type };
  });
}

export function readElementList(value: unknown): number[] {
  return readList(value, "element_list").map((item, index) => {
    refuseUnknownFields(item, `element_list[${index}]`, ["element_id"]);
    const id = item.element_id;
    // Kling's type is "long": a JSON integer, not a string of digits.
    if (typeof id !== "number" || !Number.isInteger(id) || id <= 0) {
      throw new BodyError(`element_list[${index}].element_id must be a positive integer`);
    }
    return id;
  });
}

export function readVideoList(value: unknown): VideoItem[] {
  const items = readList(value, "video_list");
  if (items.length > 1) throw new BodyError("video_list takes at most 1 video");
  return items.map((item, index) => {
    const where = `video_list[${index}]`;
    refuseUnknownFields(item, where, ["video_url", "refer_type", "keep_original_sound"]);
    if (typeof item.video_url !== "string" || item.video_url.trim() === "") {
      throw new BodyError(`${where}.video_url is required`);
    }
    if (!isHttpUrl(item.video_url)) {
      throw new BodyError(`${where}.video_url must be an http(s) URL`);
    }
    const referType = item.refer_type ?? "base";
    if (referType !== "base" && referType !== "feature") {
      throw new BodyError(`${where}.refer_type must be base or feature`);
    }
    const sound = item.keep_original_sound;
    if (sound !== undefined && sound !== "yes" && sound !== "no") {
      throw new BodyError(`${where}.keep_original_sound must be yes or no`);
    }
    return { videoUrl: item.video_url, referType };
  });
}

/** Rules of §2.2 that tie the lists together. */
export function checkListCombination(images: ImageItem[], elements: number[], videos: VideoItem[]) {
  const total = images.length + elements.length;
  if (videos.length > 0 && total > 4) {
    throw new BodyError(
      "image_list and element_list take at most 4 items together when video_list is present",
    );
  }
  if (total > 7) throw new BodyError("image_list and element_list take at most 7 items together");
  const firstFrames = images.filter((image) => image.type === "first_frame").length;
  const endFrames = images.filter((image) => image.type === "end_frame").length;
  if (firstFrames > 1) throw new BodyError("image_list takes at most one first_frame");
  if (endFrames > 1) throw new BodyError("image_list takes at most one end_frame");
  if (endFrames > 0 && firstFrames === 0) throw new BodyError("an end_frame needs a first_frame");
  if (firstFrames === 0) return;
  if (images.length > 2) {
    throw new BodyError("first/end frames cannot be combined with more than 2 images");
  }
  if (videos.some((video) => video.referType === "base")) {
    throw new BodyError("first/end frames cannot be combined with video editing (refer_type base)");
  }
  if (endFrames > 0 && elements.length > 0) {
    throw new BodyError("elements are not supported with both a first_frame and an end_frame");
  }
  if (elements.length > 3) throw new BodyError("a first_frame takes at most 3 elements");
}

/**
 * Every `<<<kind_N>>>` must name an existing item: N counts from 1 in list order, written
 * without leading zeros, and only the three kinds exist. Anything shaped like a token that
 * is not one of those is refused rather than passed on as text.
 */
export function checkPlaceholders(
  prompt: string,
  counts: { image: number; element: number; video: number },
): void {
  for (const match of prompt.matchAll(/<<<(\w+?)_(\d+)>>>/g)) {
    const [token, kind = "", digits = ""] = match;
    if (!(kind === "image" || kind === "element" || kind === "video")) {
      throw new BodyError(`${token} is not a known placeholder (image, element or video)`);
    }
    const n = Number(digits);
    if (n < 1 || n > counts[kind] || digits.startsWith("0")) {
      throw new BodyError(`${token} refers to a missing ${kind}_list item`);
    }
  }
}

/** Kling's request objects are closed: a field it does not document is a parameter error. */
export function refuseUnknownFields(
  item: Record<string, unknown>,
  where: string,
  known: readonly string[],
): void {
  const unknown = Object.keys(item).find((key) => !known.includes(key));
  if (unknown !== undefined) throw new BodyError(`${where}.${unknown} is not a known field`);
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function readList(value: unknown, name: string): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new BodyError(`${name} must be an array`);
  return value.map((item, index) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      throw new BodyError(`${name}[${index}] must be an object`);
    }
    return item as Record<string, unknown>;
  });
}
