import type {
  ElementReference,
  ImageReference,
  VideoReference,
} from "@/lib/prompt/reference-types";

export function image(id: string, extra: Partial<ImageReference> = {}): ImageReference {
  return { id, kind: "image", name: `${id}.png`, source: "upload", uploadId: `up_${id}`, ...extra };
}

export function element(id: string, extra: Partial<ElementReference> = {}): ElementReference {
  return { id, kind: "element", name: `El ${id}`, elementId: "123456789012345678", ...extra };
}

export function video(id: string, extra: Partial<VideoReference> = {}): VideoReference {
  return {
    id,
    kind: "video",
    name: `${id}.mp4`,
    source: "upload",
    uploadId: `up_${id}`,
    referType: "feature",
    keepOriginalSound: false,
    ...extra,
  };
}
