import { errorResponse } from "@/lib/http/error-response";
import { getGenerationWithFacts } from "@/lib/progress/progress-facts";

export const dynamic = "force-dynamic";

/** The status the browser polls (with queue position and expected time); it reads the database only, never the provider. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await context.params;
    return Response.json(await getGenerationWithFacts(id), {
      headers: { "Cache-Control": "no-store" },
    });
  } catch (error) {
    return errorResponse("GET /api/generations/:id", error);
  }
}
