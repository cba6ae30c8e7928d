import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { requireRequestSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { importHistoryArchive } from "@/lib/history/import-history";
import { errorResponse } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

/**
 * The archive is the raw request body (`fetch(url, { method: "POST", body: file })`), spooled
 * to a temp file because a zip's directory sits at its end and must be read first.
 * proxy.ts skips this route (it would buffer the whole body in memory), so the session is
 * checked here, before a byte is read.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    requireRequestSession(request);
  } catch (error) {
    return errorResponse("POST /api/import", error);
  }
  if (!request.body) return errorResponse("POST /api/import", noBody());
  const dir = await mkdtemp(path.join(tmpdir(), "omni-import-"));
  try {
    const zipPath = path.join(dir, "history.zip");
    await pipeline(
      Readable.fromWeb(request.body as WebReadableStream<Uint8Array>),
      createWriteStream(zipPath),
    );
    return Response.json(await importHistoryArchive(zipPath));
  } catch (error) {
    return errorResponse("POST /api/import", error);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function noBody(): AppError {
  return new AppError("invalid_input", "Send the archive as the request body.");
}
