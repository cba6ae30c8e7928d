import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { localMessage } from "@/i18n/local-message";
import { requireRequestSession } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { importHistoryArchive } from "@/lib/history/import-history";
import { receiveArchive } from "@/lib/history/receive-archive";
import { errorResponse } from "@/lib/http/error-response";
import { assertRequestSource } from "@/lib/security/request-guard";

export const dynamic = "force-dynamic";

/**
 * The archive is the raw request body (`fetch(url, { method: "POST", body: file })`), spooled
 * to a temp file (outside MEDIA_DIR) within IMPORT_MAX_BYTES, because a zip's directory sits
 * at its end and must be read first. proxy.ts skips this route (it would buffer the whole
 * body in memory), so the request's source and the session are checked here, before a byte
 * is read.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    // proxy.ts does not see this route: the Host and cross-site checks are made here.
    assertRequestSource(request);
    await requireRequestSession(request);
  } catch (error) {
    return errorResponse("POST /api/import", error);
  }
  if (!request.body) return errorResponse("POST /api/import", noBody());
  const dir = await mkdtemp(path.join(tmpdir(), "omni-import-"));
  try {
    const zipPath = path.join(dir, "history.zip");
    await receiveArchive(request, zipPath, getEnv().security.importMaxBytes);
    return Response.json(await importHistoryArchive(zipPath));
  } catch (error) {
    return errorResponse("POST /api/import", error);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function noBody(): AppError {
  return new AppError("invalid_input", localMessage("galleryErrors.sendArchive"));
}
