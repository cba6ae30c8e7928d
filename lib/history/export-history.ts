import "server-only";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import yazl from "yazl";
import { getDb } from "@/lib/db/client";
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
  const [generations, references, shares, uploads, elements] = await Promise.all([
    db.generation.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.reference.findMany({ orderBy: [{ generationId: "asc" }, { position: "asc" }] }),
    db.share.findMany({ orderBy: { createdAt: "asc" } }),
    db.upload.findMany({ orderBy: { createdAt: "asc" } }),
    db.element.findMany({ orderBy: { createdAt: "asc" } }),
  ]);
  // Leases belong to this machine's workers; the new machine starts with none.
  const portable = generations.map(({ leaseOwner: _o, leaseUntil: _u, ...rest }) => rest);
  const manifest = {
    format: HISTORY_FORMAT,
    version: HISTORY_VERSION,
    exportedAt: new Date().toISOString(),
    generations: portable,
    references,
    shares,
    uploads,
    elements,
  };
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(manifest)), MANIFEST_NAME);
  for (const relativePath of manifestMediaPaths(manifest)) {
    const absolute = safeResolve(relativePath);
    if (!absolute) continue;
    const info = await stat(/*turbopackIgnore: true*/ absolute).catch(() => undefined);
    if (!info?.isFile()) continue; // a missing file is left out, not a failed export
    zip.addFile(absolute, `${MEDIA_PREFIX}${relativePath}`, { compress: false });
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
