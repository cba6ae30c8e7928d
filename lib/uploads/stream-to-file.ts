import "server-only";
import { createHash } from "node:crypto";
import { createWriteStream, type WriteStream } from "node:fs";
import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";
import { discardFile } from "@/lib/storage/media-store";
import { readCapped } from "./read-capped";

export type StreamedFile = { bytes: number; sha256: string; head: Uint8Array };

/**
 * Writes a request body to `tempPath` as it arrives, hashing on the way, and stops the
 * moment it passes the cap (the loop is readCapped's, which read-limited-body.ts uses into
 * memory; a 200 MB video must not sit in memory, so this one streams to disk). `capFor(head)` picks
 * the cap once the first bytes say what the file is (10 MB images, 200 MB videos).
 */
export async function streamToFile(
  body: ReadableStream<Uint8Array> | null,
  tempPath: string,
  capFor: (head: Uint8Array) => number,
  maxAny: number,
): Promise<StreamedFile> {
  if (!body) throw new AppError("invalid_input", localMessage("serverErrors.uploadEmpty"));
  const out = createWriteStream(tempPath, { flags: "wx" });
  const hash = createHash("sha256");
  let head: Uint8Array = new Uint8Array(0);
  let cap = maxAny;
  let total: number;
  try {
    total = await readCapped(
      body,
      (chunk) => {
        if (head.length < 64) {
          head = concat(head, chunk.subarray(0, 64 - head.length));
          if (head.length >= 16) cap = capFor(head);
        }
        return cap;
      },
      async (chunk) => {
        hash.update(chunk);
        if (!out.write(chunk))
          await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      },
    );
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  } catch (error) {
    await closeStream(out);
    await discardFile(tempPath);
    throw error;
  }
  if (total === 0) {
    await discardFile(tempPath);
    throw new AppError("invalid_input", localMessage("serverErrors.uploadEmpty"));
  }
  return { bytes: total, sha256: hash.digest("hex"), head };
}

/**
 * The stream opens its file asynchronously. A body refused at its first bytes throws before
 * that open has finished, and removing the path then would race the open, which could create
 * the file after the removal and leave an empty `.partial` behind (seen once in bad-input
 * under load). So the file is closed first, and only then removed.
 */
function closeStream(out: WriteStream): Promise<void> {
  if (out.closed) return Promise.resolve();
  return new Promise((resolve) => {
    out.once("close", () => resolve());
    out.destroy();
  });
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
