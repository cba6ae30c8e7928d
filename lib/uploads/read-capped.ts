import "server-only";
import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";

/**
 * The one loop behind every byte-limited read: hands each chunk of `body` to `sink` and
 * stops the moment the running total passes the cap, cancelling the stream so the rest is
 * never read (an oversized body costs at most one chunk past the cap). `capAt(chunk)` is
 * asked for the cap as each chunk arrives, before it is counted, so a caller can keep one
 * cap or pick it from the first bytes. A sink that throws cancels the stream too. Returns
 * the number of bytes read.
 */
export async function readCapped(
  body: ReadableStream<Uint8Array>,
  capAt: (chunk: Uint8Array) => number,
  sink: (chunk: Uint8Array) => unknown,
): Promise<number> {
  const reader = body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return total;
      total += value.byteLength;
      const cap = capAt(value);
      if (total > cap) throw fileTooLarge(cap);
      await sink(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
}

/** The refusal for a file over `maxBytes`, in megabytes to one decimal. */
export function fileTooLarge(maxBytes: number): AppError {
  const megabytes = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return new AppError("invalid_input", localMessage("serverErrors.fileTooLarge", { megabytes }));
}
