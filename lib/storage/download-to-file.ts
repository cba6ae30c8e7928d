import "server-only";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { AppError } from "@/lib/errors";
import { commitAtomicWrite, discardFile, prepareAtomicWrite } from "./media-store";

export type DownloadLimits = { maxBytes: number; timeoutMs: number };

export type DownloadedFile = { bytes: number; sha256: string; absolutePath: string };

const DEFAULT_LIMITS: DownloadLimits = { maxBytes: 500 * 1024 * 1024, timeoutMs: 120_000 };

/**
 * Streams a provider result to MEDIA_DIR: never buffered whole, capped in size and time,
 * checked to be an MP4 (an `ftyp` box at byte 4) and renamed into place only when complete,
 * so a crash leaves either nothing or the whole file.
 */
export async function downloadMp4ToMedia(
  url: string,
  relativePath: string,
  limits: DownloadLimits = DEFAULT_LIMITS,
): Promise<DownloadedFile> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: "follow" });
  } catch (error) {
    throw new AppError("download_failed", "The result could not be downloaded (network error).", {
      cause: error,
    });
  }
  if (!response.ok || !response.body) {
    throw new AppError("download_failed", `The result download answered HTTP ${response.status}.`, {
      detail: { status: response.status },
    });
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > limits.maxBytes) {
    await response.body.cancel();
    throw new AppError("download_failed", "The result is larger than the studio accepts.");
  }

  const { finalPath, tempPath } = await prepareAtomicWrite(relativePath);
  const hash = createHash("sha256");
  let bytes = 0;
  let head = Buffer.alloc(0);
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > limits.maxBytes) {
        callback(new AppError("download_failed", "The result is larger than the studio accepts."));
        return;
      }
      if (head.length < 12) head = Buffer.concat([head, chunk.subarray(0, 12 - head.length)]);
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
      guard,
      createWriteStream(tempPath),
    );
    if (head.subarray(4, 8).toString("latin1") !== "ftyp") {
      throw new AppError("download_failed", "The downloaded result is not an MP4 video.");
    }
    await commitAtomicWrite(tempPath, finalPath);
  } catch (error) {
    await discardFile(tempPath);
    if (error instanceof AppError) throw error;
    throw new AppError("download_failed", "The result download was interrupted.", {
      cause: error,
    });
  }
  return { bytes, sha256: hash.digest("hex"), absolutePath: finalPath };
}
