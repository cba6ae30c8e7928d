import "server-only";
import { fileTooLarge, readCapped } from "./read-capped";

/**
 * Reads a request body up to `maxBytes`, stopping the moment it goes past: the rest is
 * never read (the stream is cancelled), so an oversized upload costs at most maxBytes of
 * memory. A Content-Length that already says too much is refused before reading anything.
 */
export async function readLimitedBody(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = request.headers.get("content-length");
  if (declared !== null && (!/^\d{1,15}$/.test(declared) || Number(declared) > maxBytes)) {
    throw fileTooLarge(maxBytes);
  }
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  const total = await readCapped(
    request.body,
    () => maxBytes,
    (chunk) => chunks.push(chunk),
  );
  return Buffer.concat(chunks, total);
}
