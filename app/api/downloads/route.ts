import { AppError } from "@/lib/errors";
import { zipResultsStream } from "@/lib/history/zip-results";
import { errorResponse } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

/**
 * A plain form POST (ids as repeated `id` fields), so the browser's own download manager
 * receives the stream: nothing is buffered in page memory, and it works without JS.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const form = await request.formData();
    const ids = form.getAll("id").filter((v): v is string => typeof v === "string" && v !== "");
    if (ids.length === 0) throw new AppError("invalid_input", "Choose at least one generation.");
    const stream = await zipResultsStream(ids);
    const name = `omni-studio-${new Date().toISOString().slice(0, 10)}.zip`;
    return new Response(stream, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse("POST /api/downloads", error);
  }
}
