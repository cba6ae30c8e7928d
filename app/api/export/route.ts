import { exportFileName, exportHistoryStream } from "@/lib/history/export-history";
import { errorResponse } from "@/lib/http/error-response";
import { zipAttachmentResponse } from "@/lib/http/zip-attachment";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    return zipAttachmentResponse(await exportHistoryStream(), exportFileName());
  } catch (error) {
    return errorResponse("GET /api/export", error);
  }
}
