import { parseGalleryFilters } from "@/lib/gallery/gallery-filters";
import { listGalleryPage } from "@/lib/gallery/list-gallery";
import { errorResponse } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

/** Pages after the first (which the server component renders) for the gallery's infinite scroll. */
export async function GET(request: Request): Promise<Response> {
  try {
    const params = new URL(request.url).searchParams;
    const page = await listGalleryPage(parseGalleryFilters(params), params.get("cursor"));
    return Response.json(page, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse("GET /gallery/items", error);
  }
}
