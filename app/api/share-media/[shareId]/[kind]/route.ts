import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { findLiveShare } from "@/lib/shares/share-repository";
import { serveMediaFile } from "@/lib/storage/serve-media-file";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ shareId: string; kind: string }> };

/**
 * The only media reachable without sign-in: the video and poster of a generation with a
 * live share (and its reference images when the recipe is shown), looked up by the share id
 * in the URL. A revoked or unknown share is 404.
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
            ? share.generation.references.find((ref) => ref.id === kind && ref.kind === "image")
                ?.mediaPath
            : undefined;
    if (!file) throw new AppError("not_found", "No such file.");
    const response = await serveMediaFile(file, request);
    // Revocation must take effect at once, so shared media is never cached for long.
    response.headers.set("Cache-Control", "public, max-age=60, must-revalidate");
    return response;
  } catch (error) {
    return errorResponse("GET /api/share-media", error);
  }
}

export const GET = serve;
export const HEAD = serve;
