import "server-only";
import type { RemixDraft } from "@/lib/composer/composer-draft-type";
import { findGenerationWithReferences } from "@/lib/generations/generation-repository";
import {
  ASPECT_RATIOS,
  type AspectRatio,
  DURATIONS,
  type Duration,
  type Mode,
} from "@/lib/kling-contract/limits";
import { isModelName, O1_MODEL, SHOT_TYPES, type ShotType } from "@/lib/kling-contract/models";
import { parsePromptText } from "@/lib/prompt/parse-prompt-text";
import type { Reference } from "@/lib/prompt/reference-types";
import { mediaUrl } from "@/lib/storage/media-url";

const KIND_ORDER = { image: 0, element: 1, video: 2 } as const;

/**
 * A generation's full recipe for the composer: its references (uploads, links, elements,
 * video) in list order, and its prompt parsed back into chips, so `<<<image_2>>>` becomes
 * a chip for the second image again. Null when the generation does not exist.
 */
export async function loadRemixRecipe(id: string): Promise<RemixDraft | null> {
  if (!/^gen_[0-9a-z]{1,40}$/.test(id)) return null;
  const row = await findGenerationWithReferences(id);
  if (!row) return null;
  const rows = [...row.references].sort(
    (a, b) =>
      (KIND_ORDER[a.kind as keyof typeof KIND_ORDER] ?? 3) -
        (KIND_ORDER[b.kind as keyof typeof KIND_ORDER] ?? 3) || a.position - b.position,
  );
  const references = rows.flatMap((ref): Reference[] => {
    const source = ref.uploadId && ref.mediaPath ? ("upload" as const) : ("url" as const);
    const where =
      source === "upload"
        ? { uploadId: ref.uploadId ?? undefined }
        : { url: ref.sourceUrl ?? undefined };
    const facts = {
      mimeType: ref.mimeType,
      bytes: ref.bytes ?? undefined,
      width: ref.width ?? undefined,
      height: ref.height ?? undefined,
    };
    // An image's and a video's common part: stable name and label, upload or link.
    const media = (kind: "image" | "video") => ({
      id: ref.id,
      name: ref.name ?? kind,
      label: ref.label ?? undefined,
      source,
      ...where,
    });
    if (ref.kind === "image") {
      const thumbnailUrl = ref.mediaPath ? mediaUrl(ref.mediaPath) : undefined;
      const frame =
        ref.imageType === "first_frame" || ref.imageType === "end_frame" ? ref.imageType : null;
      return [{ ...media("image"), kind: "image", frame, thumbnailUrl, facts }];
    }
    if (ref.kind === "element" && ref.elementId) {
      return [
        {
          id: ref.id,
          kind: "element",
          name: ref.elementName ?? ref.name ?? "element",
          elementId: ref.elementId,
        },
      ];
    }
    if (ref.kind === "video") {
      return [
        {
          ...media("video"),
          kind: "video",
          referType: ref.referType === "base" ? "base" : "feature",
          keepOriginalSound: ref.keepOriginalSound ?? false,
          facts: {
            ...facts,
            durationSeconds: ref.durationSeconds ?? undefined,
            fps: ref.fps ?? undefined,
          },
        },
      ];
    }
    return [];
  });
  const shotType = (SHOT_TYPES as readonly string[]).includes(row.shotType ?? "")
    ? (row.shotType as ShotType)
    : null;
  return {
    segments: parsePromptText(row.prompt, references).segments,
    references,
    settings: {
      mode: row.mode as Mode,
      aspectRatio: (ASPECT_RATIOS as readonly string[]).includes(row.aspectRatio ?? "")
        ? (row.aspectRatio as AspectRatio)
        : "16:9",
      duration: (DURATIONS as readonly string[]).includes(row.duration)
        ? (row.duration as Duration)
        : "5",
      model: isModelName(row.model) ? row.model : O1_MODEL,
      sound: row.sound === "on",
    },
    storyboard: shotType
      ? {
          shotType,
          shots: row.shots.map((shot) => ({
            id: `shot_${shot.index}`,
            segments: parsePromptText(shot.prompt, references).segments,
            duration: shot.duration,
          })),
        }
      : null,
    sendUnused: true,
    remixOf: row.id,
  };
}
