import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";
import { findElementThumbnailPaths } from "@/lib/gallery/reference-views";
import { errorResponse } from "@/lib/http/error-response";
import { findLiveShare } from "@/lib/shares/share-repository";
import { serveMediaFile } from "@/lib/storage/serve-media-file";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ shareId: string; kind: string }> };

/**
 * The only media reachable without sign-in: the video and poster of a generation with a
 * live share (and its reference pictures when the recipe is shown: image files and the
 * thumbnails of registered elements), looked up by the share id in the URL. A revoked or
 * unknown share is 404.
 */
async function serve(request: Request, context: Context): Promise<Response> {
  try {
    const { shareId, kind } = await context.params;
    const share = await findLiveShare(shareId);
    const file =
      kind === "video"
        ? share?.generation.videoPath
        : kind === "poster"
          ? share?.generation.posterPath
          : // Reference pictures only when the person chose to show the recipe.
            share?.showRecipe
            ? await referencePicture(share.generation.references, kind)
            : undefined;
    if (!file) throw new AppError("not_found", localMessage("galleryErrors.noSuchFile"));
    const response = await serveMediaFile(file, request);
    // Revocation must take effect at once, so shared media is never cached for long.
    response.headers.set("Cache-Control", "public, max-age=60, must-revalidate");
    return response;
  } catch (error) {
    return errorResponse("GET /api/share-media", error);
  }
}

/** An image reference's file, or the registered thumbnail of the element a reference names. */
async function referencePicture(
  references: { id: string; kind: string; mediaPath: string | null; elementId: string | null }[],
  referenceId: string,
): Promise<string | null | undefined> {
  const ref = references.find((candidate) => candidate.id === referenceId);
  if (ref?.kind === "image") return ref.mediaPath;
  if (ref?.kind === "element" && ref.elementId) {
    return (await findElementThumbnailPaths([ref.elementId])).get(ref.elementId);
  }
  return undefined;
}

export const GET = serve;
export const HEAD = serve;
