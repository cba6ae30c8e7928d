import "server-only";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";
import { parseByteRange } from "@/lib/http/byte-range";
import { resolveExistingMediaPath } from "./media-store";

const CONTENT_TYPES: Record<string, string> = {
  ".mp4": "video/mp4",
  ".mov": "video/quicktime",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
};

/** Serves a file under MEDIA_DIR with Range support, so players can seek. */
export async function serveMediaFile(relativePath: string, request: Request): Promise<Response> {
  const absolute = await resolveExistingMediaPath(relativePath);
  const contentType = CONTENT_TYPES[path.extname(absolute).toLowerCase()];
  if (!contentType) throw new AppError("not_found", localMessage("serverErrors.mediaNotFound"));
  let size: number;
  try {
    const info = await stat(absolute);
    if (!info.isFile()) throw new Error("not a file");
    size = info.size;
  } catch {
    throw new AppError("not_found", localMessage("serverErrors.mediaNotFound"));
  }
  const headers = new Headers({
    "Content-Type": contentType,
    "Accept-Ranges": "bytes",
    // Files never change under one name: results and posters are named by generation id.
    "Cache-Control": "private, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
    // A stored file is never a page: even if one were HTML it could run nothing here.
    "Content-Security-Policy": "default-src 'none'; media-src 'self'; img-src 'self'; sandbox",
  });
  const range = parseByteRange(request.headers.get("range"), size);
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${size}`);
    return new Response(null, { status: 416, headers });
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  headers.set("Content-Length", String(size === 0 ? 0 : end - start + 1));
  if (range) headers.set("Content-Range", `bytes ${start}-${end}/${size}`);
  if (request.method === "HEAD" || size === 0) {
    return new Response(null, { status: range ? 206 : 200, headers });
  }
  const stream = Readable.toWeb(createReadStream(absolute, { start, end })) as ReadableStream;
  return new Response(stream, { status: range ? 206 : 200, headers });
}
