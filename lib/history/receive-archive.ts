import "server-only";
import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";
import { streamToFile } from "@/lib/uploads/stream-to-file";
import { MANIFEST_NAME } from "./history-archive-schema";

/**
 * Spools an import's body to `filePath` (a zip's directory sits at its end, so it cannot be
 * read as it streams), never past IMPORT_MAX_BYTES: a Content-Length over the cap is refused
 * before a byte is read, and a body that keeps coming is cut off the moment it passes it.
 * The first bytes must already be a zip whose first entry is manifest.json (as every export
 * is), so a large body that is no archive is refused after a few bytes, not after all of them.
 */
export async function receiveArchive(
  request: Request,
  filePath: string,
  maxBytes: number,
): Promise<void> {
  const declared = request.headers.get("content-length");
  if (declared !== null && (!/^\d{1,15}$/.test(declared) || Number(declared) > maxBytes)) {
    throw tooLarge(maxBytes);
  }
  try {
    await streamToFile(request.body, filePath, (head) => checkZipHead(head, maxBytes), maxBytes);
  } catch (error) {
    if (error instanceof AppError && /too large/.test(error.message)) throw tooLarge(maxBytes);
    throw error;
  }
}

/** A local file header ("PK\x03\x04") naming manifest.json, checked once 43 bytes are in. */
function checkZipHead(head: Uint8Array, maxBytes: number): number {
  const signature = [0x50, 0x4b, 0x03, 0x04];
  if (!signature.every((byte, i) => head[i] === undefined || head[i] === byte))
    throw notAnArchive();
  if (head.length < 30 + MANIFEST_NAME.length) return maxBytes;
  const nameLength = (head[26] ?? 0) | ((head[27] ?? 0) << 8);
  const name = Buffer.from(head.subarray(30, 30 + MANIFEST_NAME.length)).toString("latin1");
  if (nameLength !== MANIFEST_NAME.length || name !== MANIFEST_NAME) throw notAnArchive();
  return maxBytes;
}

function notAnArchive(): AppError {
  return new AppError("invalid_input", localMessage("galleryErrors.notAnArchive"));
}

function tooLarge(maxBytes: number): AppError {
  const mb = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return new AppError("invalid_input", localMessage("galleryErrors.archiveTooLarge", { mb }));
}
