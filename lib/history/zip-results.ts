import "server-only";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import yazl from "yazl";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { resolveMediaPath } from "@/lib/storage/media-store";

export const MAX_ZIP_ITEMS = 500;

/** The chosen results' MP4s as a zip stream, named by a readable slug of their prompt. */
export async function zipResultsStream(
  ids: readonly string[],
): Promise<ReadableStream<Uint8Array>> {
  const unique = [...new Set(ids)].slice(0, MAX_ZIP_ITEMS);
  const rows = await getDb().generation.findMany({
    where: { id: { in: unique }, status: "succeeded", videoPath: { not: null } },
    select: { id: true, prompt: true, videoPath: true },
    orderBy: { createdAt: "asc" },
  });
  const zip = new yazl.ZipFile();
  let added = 0;
  for (const row of rows) {
    if (!row.videoPath) continue;
    const absolute = resolveMediaPath(row.videoPath);
    if (!(await stat(/*turbopackIgnore: true*/ absolute).catch(() => undefined))?.isFile())
      continue;
    zip.addFile(absolute, `${slug(row.prompt)}-${row.id}.mp4`, { compress: false });
    added += 1;
  }
  if (added === 0) throw new AppError("not_found", "None of the chosen generations has a video.");
  zip.end();
  return Readable.toWeb(zip.outputStream as Readable) as ReadableStream<Uint8Array>;
}

function slug(prompt: string): string {
  const words = prompt
    .replace(/<<<[a-z]+_\d+>>>/g, " ")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return words.slice(0, 40).replace(/-+$/, "") || "video";
}
