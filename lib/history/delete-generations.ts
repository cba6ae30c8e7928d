import "server-only";
import { getDb } from "@/lib/db/client";
import {
  deleteGenerationRows,
  findMediaOfGenerations,
  findResultPathsInUse,
} from "@/lib/generations/generation-history-repository";
import { logError } from "@/lib/log";
import { discardFile, resolveMediaPath } from "@/lib/storage/media-store";

/**
 * Deletes generations with their references and shares (both cascade in the schema, so
 * every share link of a deleted generation answers 404 at once), then the files they leave
 * unused: result, poster, and reference files. A file any remaining row still names — a
 * generation's video or poster, a reference, an upload, an element's thumbnail — is kept,
 * whoever wrote that row. Rows go first: a crash between the two steps leaves an orphan file,
 * never a row pointing at a missing file.
 */
export async function deleteGenerations(ids: readonly string[]): Promise<{ deleted: number }> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { deleted: 0 };
  const rows = await findMediaOfGenerations(unique);
  if (rows.length === 0) return { deleted: 0 };
  const ownPaths = new Set(rows.flatMap((row) => [row.videoPath, row.posterPath]).filter(isText));
  const referencePaths = new Set(
    rows.flatMap((row) => row.references.map((ref) => ref.mediaPath)).filter(isText),
  );
  const deleted = await deleteGenerationRows(rows.map((r) => r.id));

  // Uploads whose file no remaining reference or element uses go with it: an upload whose
  // file is gone would only mislead the composer.
  const stillReferenced = await pathsInUse([...referencePaths], { uploads: false });
  const unusedUploads = [...referencePaths].filter((p) => !stillReferenced.has(p));
  if (unusedUploads.length > 0) {
    await getDb().upload.deleteMany({ where: { mediaPath: { in: unusedUploads } } });
  }
  const candidates = [...new Set([...ownPaths, ...unusedUploads])];
  const inUse = await pathsInUse(candidates, { uploads: true });
  await Promise.all(candidates.filter((p) => !inUse.has(p)).map(removeMediaFile));
  return { deleted };
}

/** Which of `paths` some row still names. */
async function pathsInUse(paths: string[], options: { uploads: boolean }): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  const db = getDb();
  const inList = { in: paths };
  const [resultPaths, references, elements, uploads] = await Promise.all([
    findResultPathsInUse(paths),
    db.reference.findMany({ where: { mediaPath: inList }, select: { mediaPath: true } }),
    db.element.findMany({ where: { thumbnailPath: inList }, select: { thumbnailPath: true } }),
    options.uploads
      ? db.upload.findMany({ where: { mediaPath: inList }, select: { mediaPath: true } })
      : Promise.resolve([]),
  ]);
  return new Set(
    [
      ...resultPaths,
      ...references.map((r) => r.mediaPath),
      ...elements.map((e) => e.thumbnailPath),
      ...uploads.map((u) => u.mediaPath),
    ].filter(isText),
  );
}

async function removeMediaFile(relativePath: string): Promise<void> {
  try {
    await discardFile(resolveMediaPath(relativePath));
  } catch (error) {
    logError("deleteGenerations: file", error);
  }
}

function isText(value: string | null): value is string {
  return typeof value === "string" && value.length > 0;
}
