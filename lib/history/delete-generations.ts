import "server-only";
import { getDb } from "@/lib/db/client";
import { logError } from "@/lib/log";
import { discardFile, resolveMediaPath } from "@/lib/storage/media-store";

/**
 * Deletes generations with their references and shares (both cascade in the schema, so
 * every share link of a deleted generation answers 404 at once), then their files: result,
 * poster, and reference files no remaining generation uses. Rows go first: a crash between
 * the two steps leaves an orphan file, never a row pointing at a missing file.
 */
export async function deleteGenerations(ids: readonly string[]): Promise<{ deleted: number }> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { deleted: 0 };
  const db = getDb();
  const rows = await db.generation.findMany({
    where: { id: { in: unique } },
    select: {
      id: true,
      videoPath: true,
      posterPath: true,
      references: { select: { mediaPath: true } },
    },
  });
  if (rows.length === 0) return { deleted: 0 };
  const referencePaths = new Set(
    rows.flatMap((row) => row.references.map((ref) => ref.mediaPath)).filter(isText),
  );
  const result = await db.generation.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });

  const stillUsed = await db.reference.findMany({
    where: { mediaPath: { in: [...referencePaths] } },
    select: { mediaPath: true },
  });
  const keep = new Set(stillUsed.map((ref) => ref.mediaPath));
  const unusedReferences = [...referencePaths].filter((p) => !keep.has(p));
  // An upload whose file is gone would only mislead the composer; drop it with the file.
  if (unusedReferences.length > 0) {
    await db.upload.deleteMany({ where: { mediaPath: { in: unusedReferences } } });
  }
  const files = [
    ...rows.flatMap((row) => [row.videoPath, row.posterPath]).filter(isText),
    ...unusedReferences,
  ];
  await Promise.all(files.map(removeMediaFile));
  return { deleted: result.count };
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
