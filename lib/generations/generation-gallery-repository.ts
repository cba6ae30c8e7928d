import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import type { StoredRow } from "./generation-repository";

/**
 * The generation repository's reads for the gallery (issue 16: one repository owns database
 * access for generations). lib/gallery builds the conditions (filters, full-text match,
 * keyset) as SQL fragments; the statements that read Generation and its search documents
 * run here.
 */
const sql = Prisma.sql;

type Count = { n: number | bigint };
const toCount = (rows: Count[]) => Number(rows[0]?.n ?? 0);

/** Ids in the given order; `where` and `order` are whole clauses (or empty). */
export async function selectGenerationIds(
  where: Prisma.Sql,
  order: Prisma.Sql,
  limit: number,
): Promise<string[]> {
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Generation" ${where} ${order}
    LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

export async function countGenerationsWhere(where: Prisma.Sql): Promise<number> {
  return toCount(await getDb().$queryRaw<Count[]>`SELECT COUNT(*) AS n FROM "Generation" ${where}`);
}

/** The rows of these ids, in no particular order; a deleted one is simply missing. */
/** A gallery page's rows with what their chips show of their references. */
export async function findStoredRowsWithChipsByIds(ids: readonly string[]) {
  return getDb().generation.findMany({
    where: { id: { in: [...ids] } },
    include: { references: { select: referenceChipSelect } },
  });
}

/** A batch's takes, oldest first (take 1, take 2, …). */
export async function findBatchRows(batchId: string, limit: number): Promise<StoredRow[]> {
  return getDb().generation.findMany({
    where: { batchId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
  });
}

/** Where a generation sits in the gallery's order. */
export async function findGenerationPlace(
  id: string,
): Promise<{ id: string; createdAt: Date } | null> {
  return getDb().generation.findUnique({ where: { id }, select: { id: true, createdAt: true } });
}

export async function countFavoriteGenerations(): Promise<number> {
  return getDb().generation.count({ where: { favorite: true } });
}

/** Answered from the (status, estimatedCostUsd) index alone, without reading the rows. */
export async function sumGenerationsByStatus(): Promise<
  { status: string; n: number | bigint; spend: number | null }[]
> {
  return getDb().$queryRawUnsafe(
    `SELECT "status" AS status, COUNT(*) AS n, SUM("estimatedCostUsd") AS spend
     FROM "Generation" GROUP BY "status"`,
  );
}

/** What referenceChipsOf reads of each reference row. */
export const referenceChipSelect = {
  id: true,
  generationId: true,
  kind: true,
  position: true,
  name: true,
  label: true,
  elementId: true,
  elementName: true,
  imageType: true,
  referType: true,
  mediaPath: true,
  mimeType: true,
} as const;

const lineageSelect = {
  id: true,
  parentKind: true,
  prompt: true,
  status: true,
  posterPath: true,
  // The lineage names references as the detail page does, by their chips.
  references: { select: referenceChipSelect },
} as const;

/** A generation with what its detail page shows: references, shots, parent and children. */
export async function findGenerationDetailRow(id: string) {
  return getDb().generation.findUnique({
    where: { id },
    include: {
      references: true,
      shots: { orderBy: { index: "asc" }, select: { index: true, prompt: true, duration: true } },
      parent: { select: lineageSelect },
      children: { select: lineageSelect, orderBy: { createdAt: "asc" }, take: 100 },
    },
  });
}

/** SQLite: the documents an FTS5 match finds, at most `limit` of them (their rowids). */
export async function findFtsMatchRowids(match: string, limit: number): Promise<number[]> {
  const rows = await getDb().$queryRaw<{ rowid: number | bigint }[]>`
    SELECT rowid FROM "SearchDoc_fts" WHERE "SearchDoc_fts" MATCH ${match} LIMIT ${limit}`;
  return rows.map((row) => Number(row.rowid));
}

/** SQLite: how many documents an FTS5 match finds, from the index alone. */
export async function countFtsMatches(match: string): Promise<number> {
  return toCount(
    await getDb().$queryRaw<Count[]>`
    SELECT COUNT(*) AS n FROM "SearchDoc_fts" WHERE "SearchDoc_fts" MATCH ${match}`,
  );
}

/** PostgreSQL: how many documents match the words, counting no further than `limit`. */
export async function countTsMatchesUpTo(words: string, limit: number): Promise<number> {
  return toCount(
    await getDb().$queryRaw<Count[]>`
    SELECT COUNT(*) AS n FROM (SELECT 1 FROM "SearchDoc"
      WHERE "bodyTsv" @@ to_tsquery('simple', ${words}) LIMIT ${limit}) AS found`,
  );
}

/** PostgreSQL: how many documents match the words and, when given, the facet words. */
export async function countTsMatches(words: string, facets: string | undefined): Promise<number> {
  const onFacets = facets ? sql`AND "facetsTsv" @@ to_tsquery('simple', ${facets})` : Prisma.empty;
  return toCount(
    await getDb().$queryRaw<Count[]>`
    SELECT COUNT(*) AS n FROM "SearchDoc"
    WHERE "bodyTsv" @@ to_tsquery('simple', ${words}) ${onFacets}`,
  );
}
