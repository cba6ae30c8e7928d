import "server-only";
import type { ReferenceView } from "@/lib/gallery/detail-types";
import { toReferenceViews } from "@/lib/gallery/get-generation-detail";
import { findLiveShare } from "./share-repository";
import { shareMediaPath } from "./share-types";

export type SharePageData = {
  shareId: string;
  title: string;
  description: string;
  videoPath: string;
  posterPath: string | null;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  allowIndexing: boolean;
  /** Only when the person chose to show the recipe. */
  recipe: { prompt: string; references: ReferenceView[] } | null;
};

/** Everything the public page may show, or null when the share is unknown or revoked. */
export async function getSharePage(shareId: string): Promise<SharePageData | null> {
  const share = await findLiveShare(shareId);
  if (!share) return null;
  const generation = share.generation;
  const references = toReferenceViews(generation.references, (ref) =>
    shareMediaPath(shareId, ref.id),
  );
  // In a title a token reads best as the name of what it points at.
  const plain = generation.prompt
    .replace(/<<<(image|element|video)_(\d+)>>>/g, (_token, kind: string, n: string) => {
      const ref = references.find((r) => r.kind === kind && r.position === Number(n) - 1);
      return ref?.label ?? `${kind} ${n}`;
    })
    .replace(/\s+/g, " ")
    .trim();
  return {
    shareId,
    title: share.showRecipe && plain ? truncate(plain, 70) : "A video made with Omni Studio",
    description:
      share.showRecipe && plain
        ? truncate(plain, 200)
        : "Watch this AI-generated video, made with Kling Omni in Omni Studio.",
    videoPath: shareMediaPath(shareId, "video"),
    posterPath: generation.posterPath ? shareMediaPath(shareId, "poster") : null,
    width: generation.width,
    height: generation.height,
    durationSeconds: generation.durationSeconds,
    allowIndexing: share.allowIndexing,
    recipe: share.showRecipe
      ? {
          prompt: generation.prompt,
          references,
        }
      : null,
  };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
