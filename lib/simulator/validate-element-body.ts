import { checkImageUrl } from "./validate-image-data";
import { BodyError, isHttpUrl, refuseUnknownFields } from "./validate-lists";

/** Kling's element tags (o_101 is its "trending" tag, which the studio does not offer). */
const TAG_IDS = new Set(["o_101", "o_102", "o_103", "o_104", "o_105", "o_106", "o_107", "o_108"]);

export type ElementCreateRequest = {
  name: string;
  description: string;
  tagId: string | undefined;
  frontalImage: string;
  referImages: string[];
  callbackUrl: string | undefined;
  externalTaskId: string | undefined;
};

/**
 * The create body of contract §6: name ≤20, description ≤100, reference_type image_refer,
 * a front view and 1–3 other views (each checked like an image reference), optional tag,
 * callback_url and external_task_id; anything else is refused. video_refer needs video
 * fields the contract does not describe, so it is refused here.
 */
export function validateElementBody(body: unknown): ElementCreateRequest {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new BodyError("the body must be a JSON object");
  }
  const fields = body as Record<string, unknown>;
  refuseUnknownFields(fields, "body", [
    "element_name",
    "element_description",
    "reference_type",
    "element_image_list",
    "tag_list",
    "callback_url",
    "external_task_id",
  ]);
  const name = fields.element_name;
  if (typeof name !== "string" || name.trim() === "")
    throw new BodyError("element_name is required");
  if ([...name].length > 20) throw new BodyError("element_name must be at most 20 characters");
  const description = fields.element_description;
  if (typeof description !== "string" || description.trim() === "") {
    throw new BodyError("element_description is required");
  }
  if ([...description].length > 100) {
    throw new BodyError("element_description must be at most 100 characters");
  }
  if (fields.reference_type !== "image_refer") {
    throw new BodyError("reference_type must be image_refer (video_refer is not simulated)");
  }
  const list = fields.element_image_list;
  if (typeof list !== "object" || list === null || Array.isArray(list)) {
    throw new BodyError("element_image_list is required");
  }
  const images = list as Record<string, unknown>;
  refuseUnknownFields(images, "element_image_list", ["frontal_image", "refer_images"]);
  if (typeof images.frontal_image !== "string" || images.frontal_image === "") {
    throw new BodyError("element_image_list.frontal_image is required");
  }
  checkImageUrl(images.frontal_image, "element_image_list.frontal_image");
  const refer = images.refer_images;
  if (!Array.isArray(refer) || refer.length < 1 || refer.length > 3) {
    throw new BodyError("element_image_list.refer_images takes 1 to 3 images");
  }
  const referImages = refer.map((item: unknown, index) => {
    const where = `element_image_list.refer_images[${index}]`;
    if (typeof item !== "object" || item === null)
      throw new BodyError(`${where} must be an object`);
    refuseUnknownFields(item as Record<string, unknown>, where, ["image_url"]);
    const url = (item as { image_url?: unknown }).image_url;
    if (typeof url !== "string" || url === "")
      throw new BodyError(`${where}.image_url is required`);
    checkImageUrl(url, `${where}.image_url`);
    return url;
  });
  return {
    name,
    description,
    tagId: readTag(fields.tag_list),
    frontalImage: images.frontal_image,
    referImages,
    callbackUrl: optionalString(fields.callback_url, "callback_url"),
    externalTaskId: optionalString(fields.external_task_id, "external_task_id"),
  };
}

function readTag(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new BodyError("tag_list must be a list");
  const ids = value.map((item: unknown, index) => {
    const tagId = (item as { tag_id?: unknown } | null)?.tag_id;
    if (typeof tagId !== "string" || !TAG_IDS.has(tagId)) {
      throw new BodyError(`tag_list[${index}].tag_id is not a known tag`);
    }
    refuseUnknownFields(item as Record<string, unknown>, `tag_list[${index}]`, ["tag_id"]);
    return tagId;
  });
  return ids[0];
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new BodyError(`${name} must be a string`);
  if (name === "callback_url" && value !== "" && !isHttpUrl(value)) {
    throw new BodyError("callback_url must be an http(s) URL");
  }
  return value || undefined;
}
