import "server-only";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import yazl from "yazl";
import { getDb } from "@/lib/db/client";
import { findAllGenerationRowsForExport } from "@/lib/generations/generation-history-repository";
import { resolveMediaPath } from "@/lib/storage/media-store";
import {
  HISTORY_FORMAT,
  HISTORY_VERSION,
  MANIFEST_NAME,
  MEDIA_PREFIX,
  manifestMediaPaths,
} from "./history-archive-schema";

/**
 * The whole history as a zip stream: manifest first (import reads it before any file), then
 * the media. yazl reads each file only when its turn comes, so memory stays flat however
 * large the videos; MP4s and JPEGs are stored, not deflated (they do not shrink).
 */
export async function exportHistoryStream(): Promise<ReadableStream<Uint8Array>> {
  const db = getDb();
  const [generations, references, shots, shares, uploads, elements, collections] =
    await Promise.all([
      findAllGenerationRowsForExport(),
      db.reference.findMany({ orderBy: [{ generationId: "asc" }, { position: "asc" }] }),
      db.shot.findMany({ orderBy: [{ generationId: "asc" }, { index: "asc" }] }),
      db.share.findMany({ orderBy: { createdAt: "asc" } }),
      db.upload.findMany({ orderBy: { createdAt: "asc" } }),
      db.element.findMany({ orderBy: { createdAt: "asc" } }),
      db.collection.findMany({
        orderBy: { createdAt: "asc" },
        include: { items: { select: { generationId: true }, orderBy: { addedAt: "asc" } } },
      }),
    ]);
  // Only files that are really there: a row whose file has gone names none in the archive
  // (an import refuses rows naming files the archive lacks), and an upload without its file
  // is left out with the links to it.
  const files = new Map<string, string>();
  for (const relativePath of manifestMediaPaths({ generations, references, uploads, elements })) {
    const absolute = safeResolve(relativePath);
    if (!absolute) continue;
    const info = await stat(/*turbopackIgnore: true*/ absolute).catch(() => undefined);
    if (info?.isFile()) files.set(relativePath, absolute);
  }
  const present = (p: string | null) => (p !== null && files.has(p) ? p : null);
  const keptUploads = uploads.filter((upload) => files.has(upload.mediaPath));
  const keptUploadIds = new Set(keptUploads.map((upload) => upload.id));
  const keptUploadPaths = new Set(keptUploads.map((upload) => upload.mediaPath));
  const manifest = {
    format: HISTORY_FORMAT,
    version: HISTORY_VERSION,
    exportedAt: new Date().toISOString(),
    // Leases belong to this machine's workers; the new machine starts with none.
    generations: generations.map(({ leaseOwner: _o, leaseUntil: _u, ...rest }) => ({
      ...rest,
      videoPath: present(rest.videoPath),
      posterPath: present(rest.posterPath),
    })),
    references: references.map((ref) =>
      ref.uploadId && !keptUploadIds.has(ref.uploadId)
        ? { ...ref, uploadId: null, mediaPath: null }
        : {
            ...ref,
            mediaPath: ref.mediaPath && keptUploadPaths.has(ref.mediaPath) ? ref.mediaPath : null,
          },
    ),
    shots,
    shares,
    uploads: keptUploads,
    elements: elements.map((element) => ({
      ...element,
      thumbnailPath:
        element.thumbnailPath && keptUploadPaths.has(element.thumbnailPath)
          ? element.thumbnailPath
          : null,
    })),
    collections: collections.map(({ items, ...collection }) => ({
      ...collection,
      generationIds: items.map((item) => item.generationId),
    })),
  };
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(manifest)), MANIFEST_NAME);
  for (const relativePath of manifestMediaPaths(manifest)) {
    const absolute = files.get(relativePath);
    if (absolute) zip.addFile(absolute, `${MEDIA_PREFIX}${relativePath}`, { compress: false });
  }
  zip.end();
  return Readable.toWeb(zip.outputStream as Readable) as ReadableStream<Uint8Array>;
}

function safeResolve(relativePath: string): string | undefined {
  try {
    return resolveMediaPath(relativePath);
  } catch {
    return undefined;
  }
}

export function exportFileName(now: Date = new Date()): string {
  return `omni-studio-history-${now.toISOString().slice(0, 10)}.zip`;
}
