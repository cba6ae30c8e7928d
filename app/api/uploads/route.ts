import { errorResponse } from "@/lib/http/error-response";
import { saveUpload } from "@/lib/uploads/save-upload";

export const dynamic = "force-dynamic";

/** One file as the raw body (`X-File-Name` carries its name); answers the server's measures. */
export async function POST(request: Request): Promise<Response> {
  try {
    return Response.json(await saveUpload(request), { status: 201 });
  } catch (error) {
    return errorResponse("POST /api/uploads", error);
  }
}
