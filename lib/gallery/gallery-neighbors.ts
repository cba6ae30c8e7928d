import "server-only";
import { findGenerationPlace } from "@/lib/generations/generation-gallery-repository";
import type { GalleryFilters } from "./gallery-filters";
import { listGalleryIds } from "./list-gallery";

export type GalleryNeighbors = { previousId: string | null; nextId: string | null };

/**
 * The generations before and after `id` in the gallery's order under the same filters, for
 * the detail page's Previous / Next. Each is one keyset step from the row, like a page.
 * A row the filters no longer match still gets neighbors: its place in the order is known.
 */
export async function getGalleryNeighbors(
  id: string,
  filters: GalleryFilters,
): Promise<GalleryNeighbors> {
  const row = await findGenerationPlace(id);
  if (!row) return { previousId: null, nextId: null };
  const newestFirst = filters.sort !== "oldest";
  const step = async (forward: boolean) => {
    // "forward" walks the gallery's own direction; backward walks the reverse one.
    const [found] = await listGalleryIds(filters, row, 1, forward === newestFirst);
    return found ?? null;
  };
  const [previousId, nextId] = await Promise.all([step(false), step(true)]);
  return { previousId, nextId };
}
