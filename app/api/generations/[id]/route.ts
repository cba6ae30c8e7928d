import { getGeneration } from "@/lib/generations/get-generation";
import { errorResponse } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

/** The status the browser polls; it reads the database only, never the provider. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await context.params;
    return Response.json(await getGeneration(id), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse("GET /api/generations/:id", error);
  }
}
