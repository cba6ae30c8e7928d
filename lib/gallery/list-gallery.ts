import "server-only";
import {
  findStoredRowsWithChipsByIds,
  selectGenerationIds,
} from "@/lib/generations/generation-gallery-repository";
import type { StoredRow } from "@/lib/generations/generation-repository";
import type { GenerationView } from "@/lib/generations/generation-view";
import { toGenerationView } from "@/lib/generations/to-generation-view";
import type { GalleryFilters } from "./gallery-filters";
import { GALLERY_PAGE_SIZE, type GalleryPage } from "./gallery-page-types";
import {
  afterCursor,
  type Cursor,
  decodeCursor,
  encodeCursor,
  galleryConditions,
  galleryOrder,
  whereClause,
} from "./gallery-where";
import { referenceNamesFor } from "./reference-labels";
import { referenceChipsOf } from "./reference-views";

export function toGalleryView(row: StoredRow): GenerationView {
  return { ...toGenerationView(row), favorite: row.favorite };
}

/**
 * Ids of the rows after `cursor` (or from the start) in the gallery's order. The ids come
 * from one SQL query (filters and full-text match together); the rows themselves are read
 * by Prisma, so views are built from the same typed rows everywhere.
 */
export async function listGalleryIds(
  filters: GalleryFilters,
  cursor: Cursor | undefined,
  limit: number,
  newestFirst = filters.sort !== "oldest",
): Promise<string[]> {
  const conditions = await galleryConditions(filters);
  if (cursor) conditions.push(afterCursor(cursor, newestFirst));
  return selectGenerationIds(whereClause(conditions), galleryOrder(newestFirst), limit);
}

/** One page of the gallery: keyset pagination on (createdAt, id), newest or oldest first. */
export async function listGalleryPage(
  filters: GalleryFilters,
  cursorValue?: string | null,
  limit: number = GALLERY_PAGE_SIZE,
): Promise<GalleryPage> {
  // One extra row tells whether another page exists without a count.
  const ids = await listGalleryIds(filters, decodeCursor(cursorValue), limit + 1);
  const pageIds = ids.slice(0, limit);
  const rows = await findStoredRowsWithChipsByIds(pageIds);
  const chips = await referenceChipsOf(
    rows.flatMap((row) => row.references),
    await referenceNamesFor(),
  );
  const byId = new Map(rows.map(({ references: _, ...row }) => [row.id, row]));
  // A row deleted between the two reads is simply left out.
  const page = pageIds.flatMap((id) => byId.get(id) ?? []);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ ...toGalleryView(row), references: chips.get(row.id) ?? [] })),
    nextCursor: ids.length > limit && last ? encodeCursor(last) : null,
  };
}
