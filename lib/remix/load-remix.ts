import "server-only";
import type { ComposerSettings } from "@/lib/composer/build-submission";
import { getDb } from "@/lib/db/client";
import {
  ASPECT_RATIOS,
  type AspectRatio,
  DURATIONS,
  type Duration,
  type Mode,
} from "@/lib/generations/limits";
import { parsePromptText } from "@/lib/prompt/parse-prompt-text";
import type { PromptSegment, Reference } from "@/lib/prompt/reference-types";
import { mediaUrl } from "@/lib/storage/media-url";

export type RemixRecipe = {
  segments: PromptSegment[];
  references: Reference[];
  settings: ComposerSettings;
  sendUnused: boolean;
  remixOf: string;
};

const KIND_ORDER = { image: 0, element: 1, video: 2 } as const;

/**
 * A generation's full recipe for the composer: its references (uploads, links, elements,
 * video) in list order, and its prompt parsed back into chips, so `<<<image_2>>>` becomes
 * a chip for the second image again. Null when the generation does not exist.
 */
export async function loadRemixRecipe(id: string): Promise<RemixRecipe | null> {
  if (!/^gen_[0-9a-z]{1,40}$/.test(id)) return null;
  const row = await getDb().generation.findUnique({ where: { id }, include: { references: true } });
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
    if (ref.kind === "image") {
      const thumbnailUrl = ref.mediaPath ? mediaUrl(ref.mediaPath) : undefined;
      const frame =
        ref.imageType === "first_frame" || ref.imageType === "end_frame" ? ref.imageType : null;
      return [
        {
          id: ref.id,
          kind: "image",
          name: ref.name ?? "image",
          source,
          ...where,
          frame,
          thumbnailUrl,
          facts,
        },
      ];
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
          id: ref.id,
          kind: "video",
          name: ref.name ?? "video",
          source,
          ...where,
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
    },
    sendUnused: true,
    remixOf: row.id,
  };
}
