import "server-only";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";
import { resultDownloadPolicy } from "@/lib/security/result-hosts";
import { type SafeResponse, safeFetch } from "@/lib/security/safe-fetch";
import { commitAtomicWrite, discardFile, prepareAtomicWrite } from "./media-store";

/**
 * The result link answered 403, 404 or 410: expired (the provider's links are signed and
 * short-lived) or removed. Retrying the same link cannot help; asking the provider can.
 */
export function isExpiredLinkError(error: unknown): boolean {
  const status = error instanceof AppError ? (error.detail as { status?: number })?.status : 0;
  return status === 403 || status === 404 || status === 410;
}

export type DownloadLimits = { maxBytes: number; timeoutMs: number };

export type DownloadedFile = { bytes: number; sha256: string; absolutePath: string };

const DEFAULT_LIMITS: DownloadLimits = { maxBytes: 500 * 1024 * 1024, timeoutMs: 120_000 };

/**
 * Streams a provider result to MEDIA_DIR: never buffered whole, capped in size and time,
 * checked to be an MP4 (an `ftyp` box at byte 4) and renamed into place only when complete,
 * so a crash leaves either nothing or the whole file. Fetched through safeFetch, and only
 * from the provider's hosts or RESULT_HOST_ALLOWLIST (a forged result URL cannot make the
 * server reach inside its own network).
 */
export async function downloadMp4ToMedia(
  url: string,
  relativePath: string,
  limits: DownloadLimits = DEFAULT_LIMITS,
): Promise<DownloadedFile> {
  let response: SafeResponse;
  try {
    response = await safeFetch(url, {
      ...resultDownloadPolicy(),
      maxBytes: limits.maxBytes,
      timeoutMs: limits.timeoutMs,
      maxRedirects: 3,
    });
  } catch (error) {
    if (error instanceof AppError)
      throw new AppError("download_failed", error.message, { cause: error });
    throw new AppError("download_failed", localMessage("failureDetails.resultNetwork"), {
      cause: error,
    });
  }
  if (response.status < 200 || response.status >= 300) {
    response.body.destroy();
    throw new AppError(
      "download_failed",
      localMessage("failureDetails.resultHttp", { status: response.status }),
      { detail: { status: response.status } },
    );
  }

  const { finalPath, tempPath } = await prepareAtomicWrite(relativePath);
  const hash = createHash("sha256");
  let bytes = 0;
  let head = Buffer.alloc(0);
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > limits.maxBytes) {
        callback(new AppError("download_failed", localMessage("failureDetails.resultTooLarge")));
        return;
      }
      if (head.length < 12) head = Buffer.concat([head, chunk.subarray(0, 12 - head.length)]);
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(response.body, guard, createWriteStream(tempPath));
    if (head.subarray(4, 8).toString("latin1") !== "ftyp") {
      throw new AppError("download_failed", localMessage("failureDetails.resultNotMp4"));
    }
    await commitAtomicWrite(tempPath, finalPath);
  } catch (error) {
    await discardFile(tempPath);
    if (error instanceof AppError) throw error;
    throw new AppError("download_failed", localMessage("failureDetails.resultInterrupted"), {
      cause: error,
    });
  }
  return { bytes, sha256: hash.digest("hex"), absolutePath: finalPath };
}
