import "server-only";
import { stat } from "node:fs/promises";
import path from "node:path";
import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";

/**
 * Demuxers the studio ever asks ffmpeg for. `mov` reads MP4 and MOV (the only videos taken);
 * the `_pipe` ones read one PNG or JPEG. Forcing one means ffmpeg never guesses the format
 * from the bytes: an HLS playlist or a concat list sent as "an image" is then only a broken
 * PNG, never a list of other files or URLs to open.
 */
export type Demuxer = "mov" | "png_pipe" | "jpeg_pipe" | "image2";

/** Largest file any probe or decode will open (results are capped at 500 MB on download). */
export const MAX_MEDIA_INPUT_BYTES = 1024 * 1024 * 1024;

/** Largest frame decoded: 8K a side, as for uploaded pictures. */
export const MAX_FRAME_SIDE = 8192;

/**
 * Input options for a local file nobody vouches for: the demuxer forced, and only the
 * `file` protocol allowed, so nothing inside the file can make ffmpeg open a URL or another
 * protocol. The path is absolute and `file:`-prefixed, so it can never read as an option or
 * as `pipe:`/`http:`.
 */
export function untrustedInputArgs(filePath: string, demuxer: Demuxer): string[] {
  if (!path.isAbsolute(filePath)) {
    throw new AppError("internal", "Media inputs must be absolute local paths.");
  }
  return ["-protocol_whitelist", "file", "-f", demuxer, "-i", `file:${filePath}`];
}

/** Refuses a missing, non-regular or oversized file before any process is started for it. */
export async function assertMediaInputSize(
  filePath: string,
  maxBytes: number = MAX_MEDIA_INPUT_BYTES,
): Promise<number> {
  let size: number;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) throw new Error("not a regular file");
    size = info.size;
  } catch (error) {
    throw new AppError("invalid_input", localMessage("failureDetails.videoUnreadable"), {
      cause: error,
    });
  }
  if (size === 0 || size > maxBytes) {
    throw new AppError("invalid_input", localMessage("failureDetails.fileEmptyOrTooLarge"));
  }
  return size;
}
