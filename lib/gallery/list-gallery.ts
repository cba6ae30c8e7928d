import "server-only";
import { getDb } from "@/lib/db/client";
import type { GenerationRow } from "@/lib/generations/generation-repository";
import type { GenerationView } from "@/lib/generations/generation-view";
import { toGenerationView } from "@/lib/generations/to-generation-view";
import type { GalleryFilters } from "./gallery-filters";
import { GALLERY_PAGE_SIZE, type GalleryPage } from "./gallery-page-types";
import { afterCursor, buildGalleryWhere, decodeCursor, encodeCursor } from "./gallery-where";

export function toGalleryView(row: GenerationRow): GenerationView {
  return { ...toGenerationView(row), favorite: row.favorite };
}

/** One page of the gallery: keyset pagination on (createdAt, id), newest or oldest first. */
export async function listGalleryPage(
  filters: GalleryFilters,
  cursorValue?: string | null,
  limit: number = GALLERY_PAGE_SIZE,
): Promise<GalleryPage> {
  const newestFirst = filters.sort !== "oldest";
  const where = buildGalleryWhere(filters);
  const cursor = decodeCursor(cursorValue);
  const direction = newestFirst ? "desc" : "asc";
  const rows = await getDb().generation.findMany({
    where: cursor ? { AND: [where, afterCursor(cursor, newestFirst)] } : where,
    orderBy: [{ createdAt: direction }, { id: direction }],
    // One extra row tells whether another page exists without a count.
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toGalleryView),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}
