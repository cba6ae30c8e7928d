import "server-only";
import { getDb } from "@/lib/db/client";
import { insertImportedGenerations } from "@/lib/generations/generation-history-repository";
import type { ImportPlan } from "./import-plan";

/** Everything a plan adds to the database (its files are staged apart). */
export type RowsToInsert = Omit<ImportPlan, "files" | "skipped">;

/**
 * Inserts an import's rows in one transaction: all of them or none. The generations go
 * through their repository, which links parents once both ends exist.
 */
export async function insertHistoryRows(rows: RowsToInsert): Promise<void> {
  await getDb().$transaction(
    async (tx) => {
      if (rows.uploads.length > 0) await tx.upload.createMany({ data: rows.uploads });
      if (rows.elements.length > 0) await tx.element.createMany({ data: rows.elements });
      await insertImportedGenerations(tx, rows.generations);
      if (rows.references.length > 0) await tx.reference.createMany({ data: rows.references });
      if (rows.shots.length > 0) await tx.shot.createMany({ data: rows.shots });
      if (rows.shares.length > 0) await tx.share.createMany({ data: rows.shares });
      const { created, items } = rows.collections;
      if (created.length > 0) await tx.collection.createMany({ data: created });
      if (items.length > 0) await tx.collectionItem.createMany({ data: items });
    },
    // Large histories: SQLite takes a while for tens of thousands of rows.
    { maxWait: 10_000, timeout: 300_000 },
  );
}
