import "server-only";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import yazl from "yazl";
import { localMessage } from "@/i18n/local-message";
import { AppError } from "@/lib/errors";
import { findFinishedVideos } from "@/lib/generations/generation-history-repository";
import { downloadFileName } from "@/lib/prompt/download-name";
import { resolveMediaPath } from "@/lib/storage/media-store";

export const MAX_ZIP_ITEMS = 500;

/** The chosen results' MP4s as a zip stream, named by a readable slug of their prompt. */
export async function zipResultsStream(
  ids: readonly string[],
): Promise<ReadableStream<Uint8Array>> {
  const unique = [...new Set(ids)].slice(0, MAX_ZIP_ITEMS);
  const rows = await findFinishedVideos(unique);
  const zip = new yazl.ZipFile();
  let added = 0;
  for (const row of rows) {
    const absolute = resolveMediaPath(row.videoPath);
    if (!(await stat(/*turbopackIgnore: true*/ absolute).catch(() => undefined))?.isFile())
      continue;
    zip.addFile(absolute, downloadFileName(row.prompt, row.id), { compress: false });
    added += 1;
  }
  if (added === 0) throw new AppError("not_found", localMessage("galleryErrors.noVideoChosen"));
  zip.end();
  return Readable.toWeb(zip.outputStream as Readable) as ReadableStream<Uint8Array>;
}
