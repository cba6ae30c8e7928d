import "server-only";
import { readFile } from "node:fs/promises";
import type { CreateTaskInput } from "@/lib/cometapi/types";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { resolveExistingMediaPath } from "@/lib/storage/media-store";
import { mediaUrl } from "@/lib/storage/media-url";
import { providerMediaBase } from "@/lib/uploads/provider-media-url";
import type { GenerationRow } from "./generation-repository";
import type { AspectRatio, Duration, Mode } from "./limits";

type ReferenceRow = Awaited<ReturnType<ReturnType<typeof getDb>["reference"]["findMany"]>>[number];

export type CreateTaskParts = Omit<CreateTaskInput, "externalTaskId" | "callbackUrl">;

/**
 * Turns a stored generation and its Reference rows into the provider's create input, lists
 * in the order the prompt's tokens number them (`position`). Uploaded images go as bare
 * base64, or as the studio's URL when PUBLIC_BASE_URL is public; a video must be a URL the
 * provider can fetch, so without a public address (outside demo mode) this refuses.
 */
export async function buildCreateTaskInput(
  row: GenerationRow & { references?: ReferenceRow[] },
): Promise<CreateTaskParts> {
  const references =
    row.references ?? (await getDb().reference.findMany({ where: { generationId: row.id } }));
  const ofKind = (kind: string) =>
    references.filter((r) => r.kind === kind).sort((a, b) => a.position - b.position);
  const base = providerMediaBase();

  const images = await Promise.all(
    ofKind("image").map(async (ref) => ({
      image: await imageSource(ref, base),
      type: (ref.imageType ?? undefined) as "first_frame" | "end_frame" | undefined,
    })),
  );
  const elements = ofKind("element").map((ref) => {
    if (!ref.elementId) throw new AppError("internal", "An element reference has no element id.");
    return { elementId: ref.elementId };
  });
  const videos = ofKind("video").map((ref) => ({
    videoUrl: videoSource(ref, base),
    referType: (ref.referType === "base" ? "base" : "feature") as "base" | "feature",
    keepOriginalSound: ref.keepOriginalSound ?? false,
  }));
  return {
    prompt: row.prompt,
    mode: row.mode as Mode,
    aspectRatio: (row.aspectRatio ?? undefined) as AspectRatio | undefined,
    duration: row.duration as Duration,
    ...(images.length ? { images } : {}),
    ...(elements.length ? { elements } : {}),
    ...(videos.length ? { videos } : {}),
  };
}

async function imageSource(
  ref: ReferenceRow,
  base: ReturnType<typeof providerMediaBase>,
): Promise<string> {
  if (ref.sourceUrl) return ref.sourceUrl;
  if (!ref.mediaPath) throw new AppError("internal", "An image reference has no file.");
  if (base.ok && base.public) return `${base.base}${mediaUrl(ref.mediaPath)}`;
  try {
    return (await readFile(await resolveExistingMediaPath(ref.mediaPath))).toString("base64");
  } catch {
    throw new AppError(
      "invalid_input",
      `The uploaded image "${ref.name ?? ""}" is missing from storage; add it again.`,
    );
  }
}

function videoSource(ref: ReferenceRow, base: ReturnType<typeof providerMediaBase>): string {
  if (ref.sourceUrl) return ref.sourceUrl;
  if (!ref.mediaPath) throw new AppError("internal", "A video reference has no file.");
  if (!base.ok) throw new AppError("invalid_input", base.problem);
  return `${base.base}${mediaUrl(ref.mediaPath)}`;
}
