import "server-only";
import { z } from "zod";
import { localMessage } from "@/i18n/local-message";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findGenerationVideoState } from "@/lib/generations/generation-repository";
import { newSecretId, secretIdSchema } from "@/lib/ids";
import { type ShareView, sharePath } from "./share-types";

export type { ShareView };

export const createShareInput = z.object({
  generationId: z.string().min(1).max(100),
  showRecipe: z.boolean().default(false),
  allowIndexing: z.boolean().default(false),
});

type ShareRow = { id: string; createdAt: Date; showRecipe: boolean; allowIndexing: boolean };

function toShareView(row: ShareRow): ShareView {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    showRecipe: row.showRecipe,
    allowIndexing: row.allowIndexing,
    path: sharePath(row.id),
  };
}

/** Only finished videos can be shared: the page exists to play one. */
export async function createShare(input: z.input<typeof createShareInput>): Promise<ShareView> {
  const parsed = createShareInput.parse(input);
  const generation = await findGenerationVideoState(parsed.generationId);
  if (!generation) throw new AppError("not_found", localMessage("galleryErrors.noSuchGeneration"));
  if (generation.status !== "succeeded" || !generation.videoPath) {
    throw new AppError("conflict", localMessage("galleryErrors.onlyFinishedShared"));
  }
  const row = await getDb().share.create({
    data: {
      id: newSecretId(),
      generationId: parsed.generationId,
      showRecipe: parsed.showRecipe,
      allowIndexing: parsed.allowIndexing,
    },
  });
  return toShareView(row);
}

export async function revokeShare(shareId: string): Promise<void> {
  const result = await getDb().share.updateMany({
    where: { id: shareId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (result.count === 0) throw new AppError("not_found", localMessage("galleryErrors.noSuchLink"));
}

export async function listLiveShares(generationId: string): Promise<ShareView[]> {
  const rows = await getDb().share.findMany({
    where: { generationId, revokedAt: null },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(toShareView);
}

/** The shared generation behind a live link, or null (unknown, revoked, or not playable). */
export async function findLiveShare(shareId: string) {
  // Anything that cannot be a secret id cannot be a share: skip the query.
  if (!secretIdSchema.safeParse(shareId).success) return null;
  const share = await getDb().share.findFirst({
    where: { id: shareId, revokedAt: null },
    include: {
      generation: {
        include: {
          references: { orderBy: { position: "asc" } },
          shots: { orderBy: { index: "asc" } },
        },
      },
    },
  });
  if (share?.generation.status !== "succeeded" || !share.generation.videoPath) {
    return null;
  }
  return share;
}
