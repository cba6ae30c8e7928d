import "server-only";
import type { Locale } from "@/i18n/locales";
import type { ReferenceView, ShotView } from "@/lib/gallery/detail-types";
import { referenceNamesFor } from "@/lib/gallery/reference-labels";
import { findElementThumbnailPaths, toReferenceViews } from "@/lib/gallery/reference-views";
import { isModelName, MODEL_LABELS, O1_MODEL } from "@/lib/kling-contract/models";
import { promptWithNames } from "@/lib/prompt/reference-names";
import { findLiveShare } from "./share-repository";
import { shareMediaPath } from "./share-types";

export type SharePageData = {
  shareId: string;
  /** From the prompt when the recipe is shown; null lets the page say it in the viewer's language. */
  title: string | null;
  description: string | null;
  videoPath: string;
  posterPath: string | null;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  allowIndexing: boolean;
  /** Which model made it ("Kling O1", "Kling 3.0 Omni"): shown with or without the recipe. */
  modelLabel: string;
  withSound: boolean;
  /** Only when the person chose to show the recipe; shots only for a custom storyboard. */
  recipe: { prompt: string; references: ReferenceView[]; shots: ShotView[] } | null;
};

/**
 * Everything the public page may show, or null when the share is unknown or revoked; the
 * references' default names ("Image 1") in the viewer's language.
 */
export async function getSharePage(
  shareId: string,
  locale?: Locale,
): Promise<SharePageData | null> {
  const share = await findLiveShare(shareId);
  if (!share) return null;
  const generation = share.generation;
  // An element's thumbnail is served under the id of the reference that names it, like an
  // image reference's file, so the public page never exposes a private media path.
  const elementThumbs = new Map<string, string>();
  const withThumbnail = await findElementThumbnailPaths(
    generation.references.map((ref) => ref.elementId),
  );
  for (const ref of generation.references) {
    if (ref.kind === "element" && ref.elementId && withThumbnail.has(ref.elementId)) {
      if (!elementThumbs.has(ref.elementId))
        elementThumbs.set(ref.elementId, shareMediaPath(shareId, ref.id));
    }
  }
  const names = await referenceNamesFor(locale);
  const references = toReferenceViews(
    generation.references,
    (ref) => shareMediaPath(shareId, ref.id),
    share.showRecipe ? elementThumbs : new Map(),
    names,
  );
  // In a title a token reads best as the name of what it points at.
  const plain = promptWithNames(
    generation.prompt,
    (kind, n) =>
      references.find((r) => r.kind === kind && r.position === n - 1)?.label ?? names(kind, n),
  );
  return {
    shareId,
    title: share.showRecipe && plain ? truncate(plain, 70) : null,
    description: share.showRecipe && plain ? truncate(plain, 200) : null,
    videoPath: shareMediaPath(shareId, "video"),
    posterPath: generation.posterPath ? shareMediaPath(shareId, "poster") : null,
    width: generation.width,
    height: generation.height,
    durationSeconds: generation.durationSeconds,
    allowIndexing: share.allowIndexing,
    modelLabel: MODEL_LABELS[isModelName(generation.model) ? generation.model : O1_MODEL],
    withSound: generation.sound === "on",
    recipe: share.showRecipe
      ? {
          prompt: generation.prompt,
          references,
          shots: generation.shots.map(({ index, prompt, duration }) => ({
            index,
            prompt,
            duration,
          })),
        }
      : null,
  };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
