import "server-only";
import { type DbTransaction, getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import type { GenerationStatus } from "./status";

/**
 * Generation queries of the history tools (export, import, delete, zip download): whole
 * rows as stored, for an archive that must carry them unchanged, and the media paths rows
 * still name. Status changes never happen here (lifecycle.ts owns those).
 */

/** Every generation, oldest first, as stored (status a plain string, leases included). */
export async function findAllGenerationRowsForExport() {
  return getDb().generation.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** Of `ids`, those that exist. */
export async function findExistingGenerationIds(ids: readonly string[]): Promise<string[]> {
  const rows = await getDb().generation.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** Of `taskIds`, the provider task ids some generation already holds. */
export async function findExistingProviderTaskIds(taskIds: readonly string[]): Promise<string[]> {
  const rows = await getDb().generation.findMany({
    where: { providerTaskId: { in: [...taskIds] } },
    select: { providerTaskId: true },
  });
  return rows.flatMap((row) => (row.providerTaskId ? [row.providerTaskId] : []));
}

/** Succeeded generations among `ids` that have a video, oldest first. */
export async function findFinishedVideos(ids: readonly string[]) {
  const rows = await getDb().generation.findMany({
    where: {
      id: { in: [...ids] },
      status: "succeeded" satisfies GenerationStatus,
      videoPath: { not: null },
    },
    select: { id: true, prompt: true, videoPath: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.flatMap((row) => (row.videoPath ? [{ ...row, videoPath: row.videoPath }] : []));
}

/** The files a deletion of `ids` may leave unused: results, posters and reference files. */
export async function findMediaOfGenerations(ids: readonly string[]) {
  return getDb().generation.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      videoPath: true,
      posterPath: true,
      references: { select: { mediaPath: true } },
    },
  });
}

/** Deletes the rows; references, shots, shares and collection items cascade in the schema. */
export async function deleteGenerationRows(ids: readonly string[]): Promise<number> {
  const result = await getDb().generation.deleteMany({ where: { id: { in: [...ids] } } });
  return result.count;
}

/** Which of `paths` some generation still names as its video or poster. */
export async function findResultPathsInUse(paths: readonly string[]): Promise<string[]> {
  const inList = { in: [...paths] };
  const rows = await getDb().generation.findMany({
    where: { OR: [{ videoPath: inList }, { posterPath: inList }] },
    select: { videoPath: true, posterPath: true },
  });
  return rows.flatMap((row) => [row.videoPath, row.posterPath]).filter((p) => p !== null);
}

/** An exported row as an import writes it back: status, times and all, as they were. */
type ImportedGeneration = Prisma.GenerationCreateManyInput & {
  id: string;
  updatedAt: Date;
  parentId?: string | null;
};

/**
 * Writes an import's generations inside the import's transaction `tx`. Rows go in without
 * their parent link, which is set afterwards once both ends exist; a parent the import did not
 * bring stays unlinked. `updatedAt` is written again with the link, or @updatedAt would stamp
 * the import time over the exported one.
 */
export async function insertImportedGenerations(
  tx: DbTransaction,
  rows: readonly ImportedGeneration[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.generation.createMany({ data: rows.map(({ parentId: _parent, ...row }) => row) });
  const imported = new Set(rows.map((row) => row.id));
  for (const row of rows) {
    if (!row.parentId || !imported.has(row.parentId)) continue;
    await tx.generation.update({
      where: { id: row.id },
      data: { parentId: row.parentId, updatedAt: row.updatedAt },
    });
  }
}
