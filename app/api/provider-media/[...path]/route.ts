import { errorResponse } from "@/lib/http/error-response";
import { serveMediaFile } from "@/lib/storage/serve-media-file";
import { verifySignedMediaUrl } from "@/lib/uploads/signed-media-link";

export const dynamic = "force-dynamic";

/**
 * A stored file for the provider to fetch, by signed link only (lib/uploads/signed-media-link.ts):
 * no session needed, 401 unsigned, 403 tampered or expired. The proxy checks the signature
 * too; this route does not rely on it.
 */
async function serve(request: Request): Promise<Response> {
  try {
    const verdict = verifySignedMediaUrl(new URL(request.url));
    if (!verdict.ok) throw verdict.error;
    const response = await serveMediaFile(verdict.mediaPath, request);
    response.headers.set("Cache-Control", "private, no-store");
    return response;
  } catch (error) {
    return errorResponse("GET /api/provider-media", error);
  }
}

export const GET = serve;
export const HEAD = serve;
