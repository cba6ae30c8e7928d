import { requireRequestSession } from "@/lib/auth/session";
import { errorResponse } from "@/lib/http/error-response";
import { assertRequestSource } from "@/lib/security/request-guard";
import { assertUploadAllowed } from "@/lib/security/spend-guard";
import { saveUpload } from "@/lib/uploads/save-upload";

export const dynamic = "force-dynamic";

/**
 * One file as the raw body (`X-File-Name` carries its name); answers the server's measures.
 * proxy.ts skips this route (it would buffer the whole body in memory), so the session and
 * the per-session upload limit are checked here, before a byte is read.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    // proxy.ts does not see this route: the Host and cross-site checks are made here.
    assertRequestSource(request);
    const session = await requireRequestSession(request);
    assertUploadAllowed(session.key);
    return Response.json(await saveUpload(request), { status: 201 });
  } catch (error) {
    return errorResponse("POST /api/uploads", error);
  }
}
