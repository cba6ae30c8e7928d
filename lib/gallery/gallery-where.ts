import "server-only";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import { getEnv } from "@/lib/env";
import {
  countFtsMatches,
  countTsMatches,
  countTsMatchesUpTo,
  findFtsMatchRowids,
} from "@/lib/generations/generation-gallery-repository";
import { ACTIVE_STATUSES } from "@/lib/generations/status";
import type { GalleryFilters } from "./gallery-filters";
import { facetGroups, toFacetTsQuery, toFts5Facets } from "./search-facets";
import { searchTerms, toFts5Match, toTsQuery } from "./search-terms";

/**
 * The gallery's filters as one SQL condition on "Generation". Raw SQL rather than a Prisma
 * `where` because the full-text match is a subquery into an index Prisma cannot describe
 * (FTS5 on SQLite, a tsvector GIN index on PostgreSQL; see lib/gallery/README.md), and an
 * id list handed back to Prisma would hit the bind-parameter limit for common words.
 * Each equality filter matches a (column, createdAt) index, so ordered pages stay index
 * walks. Dates are whole UTC days; `to` is inclusive. The SQL is the same on both databases
 * except for the match itself and how a timestamp is bound.
 */
const DAY_MS = 86_400_000;
const sql = Prisma.sql;

export type Cursor = { createdAt: Date; id: string };

function timestamp(date: Date): Date | string {
  // Prisma keeps SQLite DateTimes as ISO text with "+00:00"; compare like with like.
  return getEnv().database.provider === "postgres"
    ? date
    : date.toISOString().replace("Z", "+00:00");
}

/**
 * Above this many matches both databases (SQLite here, PostgreSQL in matchesTsSearch) do
 * better walking the (filter, createdAt) index in order and checking each row's document
 * against the matched set than fetching and sorting every match: a page of 24 at one match
 * in ten reads ~240 index entries instead of 10,000 rows.
 * (Break-even is near sqrt(page × rows): ~1,500 at 100,000 rows.)
 */
const COMMON_MATCHES = 2_000;

/**
 * "rows" is for ordered pages, "count" for counting every match: counting always starts from
 * the index, since it must visit every match anyway.
 */
export type ConditionPurpose = "rows" | "count";

/** The full-text condition: every word, as a prefix, somewhere in the search document. */
async function matchesSearch(
  filters: GalleryFilters,
  purpose: ConditionPurpose,
): Promise<Prisma.Sql | undefined> {
  const terms = searchTerms(filters.q);
  if (terms.length === 0) return undefined;
  if (getEnv().database.provider === "postgres") return matchesTsSearch(toTsQuery(terms), purpose);
  // The facets narrow the index's answer to the filters it carries (the Generation
  // conditions beside this one still decide); SQLite's planner knows nothing of the FTS5
  // side, so the few matched documents are read once here and the choice made from them.
  const match = sqliteMatch(terms, facetGroups(filters));
  const matched = sql`SELECT rowid FROM "SearchDoc_fts" WHERE "SearchDoc_fts" MATCH ${match}`;
  if (purpose === "rows") {
    const few = await findFtsMatchRowids(match, COMMON_MATCHES + 1);
    if (few.length > COMMON_MATCHES) {
      return sql`EXISTS (SELECT 1 FROM "SearchDoc" d
          WHERE d."generationId" = "Generation"."id" AND +d."id" IN (${matched}))`;
    }
    // One bound JSON list rather than a parameter per id (SQLite's bind limit).
    const ids = JSON.stringify(few);
    return sql`"Generation"."id" IN (SELECT d."generationId" FROM "SearchDoc" d
          WHERE d."id" IN (SELECT value FROM json_each(${ids})))`;
  }
  return sql`"Generation"."id" IN (SELECT d."generationId" FROM "SearchDoc" d
          WHERE d."id" IN (${matched}))`;
}

/**
 * PostgreSQL estimates a prefix query's matches from the GIN index poorly (40 for 9,866 at
 * 100,000 rows), so it fetches every match and sorts them even for common words (70 ms for
 * a page). As on SQLite, the matches are counted up to the same bound first; above it, the
 * page walks the filter's (…, createdAt) index in order and tests each row's document, as a
 * per-row subquery the planner cannot turn back into a join (1 ms for that page).
 */
async function matchesTsSearch(query: string, purpose: ConditionPurpose): Promise<Prisma.Sql> {
  const inMatches = sql`"Generation"."id" IN (SELECT d."generationId" FROM "SearchDoc" d
          WHERE d."bodyTsv" @@ to_tsquery('simple', ${query}))`;
  if (purpose === "count") return inMatches;
  const found = await countTsMatchesUpTo(query, COMMON_MATCHES + 1);
  if (found <= COMMON_MATCHES) return inMatches;
  return sql`(SELECT d."bodyTsv" @@ to_tsquery('simple', ${query}) FROM "SearchDoc" d
          WHERE d."generationId" = "Generation"."id")`;
}

function sqliteMatch(terms: readonly string[], facets: string[][] | undefined): string {
  return facets && facets.length > 0
    ? `${toFts5Match(terms)} AND ${toFts5Facets(facets)}`
    : toFts5Match(terms);
}

/**
 * How many generations match a search under filters the facets carry (status, model, mode,
 * aspect, favorite), from the index alone without touching Generation: the triggers keep
 * exactly one document per generation, with its current filter values. Undefined when some
 * filter is not a facet; the caller then counts through Generation.
 */
export async function countSearchMatches(filters: GalleryFilters): Promise<number | undefined> {
  const terms = searchTerms(filters.q);
  const facets = facetGroups(filters);
  if (terms.length === 0 || facets === undefined) return undefined;
  if (getEnv().database.provider === "sqlite") return countFtsMatches(sqliteMatch(terms, facets));
  return countTsMatches(toTsQuery(terms), facets.length > 0 ? toFacetTsQuery(facets) : undefined);
}

export async function galleryConditions(
  filters: GalleryFilters,
  purpose: ConditionPurpose = "rows",
): Promise<Prisma.Sql[]> {
  const and: Prisma.Sql[] = [];
  if (filters.status === "active") {
    and.push(sql`"status" IN (${Prisma.join([...ACTIVE_STATUSES])})`);
  } else if (filters.status) and.push(sql`"status" = ${filters.status}`);
  if (filters.model) and.push(sql`"model" = ${filters.model}`);
  if (filters.mode) and.push(sql`"mode" = ${filters.mode}`);
  if (filters.aspect === "auto") and.push(sql`"aspectRatio" IS NULL`);
  else if (filters.aspect) and.push(sql`"aspectRatio" = ${filters.aspect}`);
  if (filters.fav) and.push(sql`"favorite" = TRUE`);
  if (filters.from) {
    and.push(sql`"createdAt" >= ${timestamp(new Date(`${filters.from}T00:00:00Z`))}`);
  }
  if (filters.to) {
    const end = new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS);
    and.push(sql`"createdAt" < ${timestamp(end)}`);
  }
  const withRefs = sql`EXISTS (SELECT 1 FROM "Reference" r WHERE r."generationId" = "Generation"."id")`;
  if (filters.refs === "with") and.push(withRefs);
  if (filters.refs === "without") and.push(sql`NOT ${withRefs}`);
  if (filters.collection) {
    and.push(sql`"Generation"."id" IN (SELECT ci."generationId" FROM "CollectionItem" ci
                 WHERE ci."collectionId" = ${filters.collection})`);
  }
  const search = filters.q ? await matchesSearch(filters, purpose) : undefined;
  if (search) and.push(search);
  return and;
}

/**
 * Keyset condition after `cursor`. Written as a range on createdAt (which the index serves)
 * minus the already-seen ties, rather than `a < x OR (a = x AND id < y)`, which SQLite
 * cannot turn into an index range.
 */
export function afterCursor(cursor: Cursor, newestFirst: boolean): Prisma.Sql {
  const at = timestamp(cursor.createdAt);
  return newestFirst
    ? sql`"createdAt" <= ${at} AND NOT ("createdAt" = ${at} AND "id" >= ${cursor.id})`
    : sql`"createdAt" >= ${at} AND NOT ("createdAt" = ${at} AND "id" <= ${cursor.id})`;
}

export function whereClause(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length === 0 ? Prisma.empty : sql`WHERE ${Prisma.join(conditions, " AND ")}`;
}

export function galleryOrder(newestFirst: boolean): Prisma.Sql {
  return newestFirst
    ? sql`ORDER BY "createdAt" DESC, "id" DESC`
    : sql`ORDER BY "createdAt" ASC, "id" ASC`;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString("base64url");
}

export function decodeCursor(value: string | undefined | null): Cursor | undefined {
  if (!value) return undefined;
  const [iso, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) return undefined;
  return { createdAt, id };
}
