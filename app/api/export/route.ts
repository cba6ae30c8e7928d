import { exportFileName, exportHistoryStream } from "@/lib/history/export-history";
import { errorResponse } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    const stream = await exportHistoryStream();
    return new Response(stream, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${exportFileName()}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse("GET /api/export", error);
  }
}
