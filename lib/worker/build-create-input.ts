import "server-only";
import { readFile } from "node:fs/promises";
import { localMessage } from "@/i18n/local-message";
import type { CreateTaskInput } from "@/lib/cometapi/types";
import { AppError } from "@/lib/errors";
import {
  findReferenceRows,
  findShotRows,
  type GenerationRow,
} from "@/lib/generations/generation-repository";
import type { AspectRatio, Duration, Mode } from "@/lib/kling-contract/limits";
import { isModelName, O1_MODEL, type ShotType } from "@/lib/kling-contract/models";
import { resolveExistingMediaPath } from "@/lib/storage/media-store";
import {
  NOT_REACHABLE_MESSAGE,
  providerMediaBase,
  providerUrlFor,
} from "@/lib/uploads/provider-media-url";

type ReferenceRow = Awaited<ReturnType<typeof findReferenceRows>>[number];

export type CreateTaskParts = Omit<CreateTaskInput, "externalTaskId" | "callbackUrl">;

/**
 * Turns a stored generation and its Reference rows into the provider's create input, lists
 * in the order the prompt's tokens number them (`position`). Uploaded images go as bare
 * base64, or as a signed, expiring studio URL when PUBLIC_BASE_URL is public; a video must
 * be a URL the provider can fetch, so without a public address (outside demo mode) this
 * refuses. Called when the create is sent, so a link's lifetime counts from then.
 */
export async function buildCreateTaskInput(
  row: Omit<GenerationRow, "status"> & { references?: ReferenceRow[] },
): Promise<CreateTaskParts> {
  const references = row.references ?? (await findReferenceRows(row.id));
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
  const model = isModelName(row.model) ? row.model : O1_MODEL;
  return {
    model,
    prompt: row.prompt,
    mode: row.mode as Mode,
    aspectRatio: (row.aspectRatio ?? undefined) as AspectRatio | undefined,
    duration: row.duration as Duration,
    ...(images.length ? { images } : {}),
    ...(elements.length ? { elements } : {}),
    ...(videos.length ? { videos } : {}),
    ...(model === O1_MODEL ? {} : await v3Parts(row)),
  };
}

/** Sound and the storyboard, read from the row and its Shot rows (in index order). */
async function v3Parts(
  row: Pick<GenerationRow, "id" | "sound" | "shotType">,
): Promise<Pick<CreateTaskParts, "sound" | "storyboard">> {
  const sound = row.sound === "on";
  if (row.shotType !== "customize" && row.shotType !== "intelligence") return { sound };
  const shotType: ShotType = row.shotType;
  const shots = shotType === "customize" ? await findShotRows(row.id) : [];
  return {
    sound,
    storyboard: {
      shotType,
      shots: shots.map((shot) => ({ prompt: shot.prompt, duration: shot.duration })),
    },
  };
}

async function imageSource(
  ref: ReferenceRow,
  base: ReturnType<typeof providerMediaBase>,
): Promise<string> {
  if (ref.sourceUrl) return ref.sourceUrl;
  if (!ref.mediaPath) throw new AppError("internal", "An image reference has no file.");
  if (base.ok && base.public) return providerUrlFor(ref.mediaPath, base);
  try {
    return (await readFile(await resolveExistingMediaPath(ref.mediaPath))).toString("base64");
  } catch {
    throw new AppError(
      "invalid_input",
      localMessage("failureDetails.uploadMissing", { name: ref.name ?? "" }),
    );
  }
}

function videoSource(ref: ReferenceRow, base: ReturnType<typeof providerMediaBase>): string {
  if (ref.sourceUrl) return ref.sourceUrl;
  if (!ref.mediaPath) throw new AppError("internal", "A video reference has no file.");
  if (!base.ok) throw new AppError("invalid_input", NOT_REACHABLE_MESSAGE);
  return providerUrlFor(ref.mediaPath, base);
}
