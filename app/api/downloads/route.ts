import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";
import { zipResultsStream } from "@/lib/history/zip-results";
import { errorResponse } from "@/lib/http/error-response";
import { zipAttachmentResponse } from "@/lib/http/zip-attachment";

export const dynamic = "force-dynamic";

/**
 * A plain form POST (ids as repeated `id` fields), so the browser's own download manager
 * receives the stream: nothing is buffered in page memory, and it works without JS.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const form = await request.formData();
    const ids = form.getAll("id").filter((v): v is string => typeof v === "string" && v !== "");
    if (ids.length === 0)
      throw new AppError("invalid_input", localMessage("galleryErrors.chooseOne"));
    const stream = await zipResultsStream(ids);
    const name = `omni-studio-${new Date().toISOString().slice(0, 10)}.zip`;
    return zipAttachmentResponse(stream, name);
  } catch (error) {
    return errorResponse("POST /api/downloads", error);
  }
}
