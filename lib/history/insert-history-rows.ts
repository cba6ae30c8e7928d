import "server-only";
import { getDb } from "@/lib/db/client";
import type { ImportPlan } from "./import-plan";

/** Everything a plan adds to the database (its files are staged apart). */
export type RowsToInsert = Omit<ImportPlan, "files" | "skipped">;

/**
 * Inserts an import's rows in one transaction: all of them or none. Generations go in
 * without their parent link, which is set afterwards once both ends exist; a parent the
 * import did not bring stays unlinked. `updatedAt` is written explicitly each time, or
 * @updatedAt would stamp the import time over the exported one.
 */
export async function insertHistoryRows(rows: RowsToInsert): Promise<void> {
  const imported = new Set(rows.generations.map((g) => g.id));
  await getDb().$transaction(
    async (tx) => {
      if (rows.uploads.length > 0) await tx.upload.createMany({ data: rows.uploads });
      if (rows.elements.length > 0) await tx.element.createMany({ data: rows.elements });
      if (rows.generations.length > 0) {
        await tx.generation.createMany({
          data: rows.generations.map(({ parentId: _parent, ...generation }) => generation),
        });
      }
      if (rows.references.length > 0) await tx.reference.createMany({ data: rows.references });
      if (rows.shots.length > 0) await tx.shot.createMany({ data: rows.shots });
      for (const generation of rows.generations) {
        if (!generation.parentId || !imported.has(generation.parentId)) continue;
        await tx.generation.update({
          where: { id: generation.id },
          data: { parentId: generation.parentId, updatedAt: generation.updatedAt },
        });
      }
      if (rows.shares.length > 0) await tx.share.createMany({ data: rows.shares });
      const { created, items } = rows.collections;
      if (created.length > 0) await tx.collection.createMany({ data: created });
      if (items.length > 0) await tx.collectionItem.createMany({ data: items });
    },
    // Large histories: SQLite takes a while for tens of thousands of rows.
    { maxWait: 10_000, timeout: 300_000 },
  );
}
