import "server-only";
import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";

/**
 * Reads a request body up to `maxBytes`, stopping the moment it goes past: the rest is
 * never read (the stream is cancelled), so an oversized upload costs at most maxBytes of
 * memory. A Content-Length that already says too much is refused before reading anything.
 */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = request.headers.get("content-length");
  if (declared !== null && (!/^\d{1,15}$/.test(declared) || Number(declared) > maxBytes)) {
    throw tooLarge(maxBytes);
  }
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(maxBytes: number): AppError {
  const megabytes = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return new AppError("invalid_input", localMessage("serverErrors.fileTooLarge", { megabytes }));
}
