import { errorResponse } from "@/lib/http/error-response";
import { serveMediaFile } from "@/lib/storage/serve-media-file";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ path: string[] }> };

async function serve(request: Request, context: Context): Promise<Response> {
  try {
    const { path } = await context.params;
    return await serveMediaFile(path.join("/"), request);
  } catch (error) {
    return errorResponse("GET /api/media", error);
  }
}

export const GET = serve;
export const HEAD = serve;
